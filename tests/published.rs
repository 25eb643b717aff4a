//! Published pages read and checked end to end (`check`), for what the issue names: blanks as
//! the publisher meant them, headers that do not match the rows under them, and where each
//! cell was read (`locations`). Pages of our own, numbers of a real report.
#![cfg(feature = "readers")]

use serde_json::Value;
use xxgknb::readers::{parse, ParseOptions, ReadCall};
use xxgknb::{check, Severity};

/// The 2024 fixture's table 三 rows (自然人 … 总计), in the form's order.
fn rows_2024() -> Vec<(&'static str, [i64; 7])> {
    vec![
        (
            "一、本年新收政府信息公开申请数量",
            [3001, 53, 0, 0, 61, 4, 3119],
        ),
        ("二、上年结转政府信息公开申请数量", [34, 0, 0, 0, 0, 0, 34]),
        ("（一）予以公开", [1288, 21, 0, 0, 50, 3, 1362]),
        (
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            [447, 7, 0, 0, 0, 0, 454],
        ),
        ("1.属于国家秘密", [2, 0, 0, 0, 0, 0, 2]),
        ("2.其他法律行政法规禁止公开", [30, 1, 0, 0, 0, 0, 31]),
        ("3.危及“三安全一稳定”", [5, 0, 0, 0, 0, 0, 5]),
        ("4.保护第三方合法权益", [6, 0, 0, 0, 0, 0, 6]),
        ("5.属于三类内部事务信息", [7, 1, 0, 0, 0, 0, 8]),
        ("6.属于四类过程性信息", [12, 0, 0, 0, 0, 0, 12]),
        ("7.属于行政执法案卷", [9, 0, 0, 0, 0, 0, 9]),
        ("8.属于行政查询事项", [105, 0, 0, 0, 0, 0, 105]),
        ("1.本机关不掌握相关政府信息", [746, 12, 0, 0, 10, 1, 769]),
        ("2.没有现成信息需要另行制作", [11, 0, 0, 0, 0, 0, 11]),
        ("3.补正后申请内容仍不明确", [1, 0, 0, 0, 0, 0, 1]),
        ("1.信访举报投诉类申请", [56, 6, 0, 0, 0, 0, 62]),
        ("2.重复申请", [25, 0, 0, 0, 0, 0, 25]),
        ("3.要求提供公开出版物", [0, 0, 0, 0, 0, 0, 0]),
        ("4.无正当理由大量反复申请", [0, 0, 0, 0, 0, 0, 0]),
        (
            "5.要求行政机关确认或重新出具已获取信息",
            [1, 0, 0, 0, 0, 0, 1],
        ),
        (
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            [67, 3, 0, 0, 1, 0, 71],
        ),
        (
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            [6, 0, 0, 0, 0, 0, 6],
        ),
        ("3.其他", [108, 2, 0, 0, 0, 0, 110]),
        ("（七）总计", [2932, 53, 0, 0, 61, 4, 3050]),
        ("四、结转下年度继续办理", [103, 0, 0, 0, 0, 0, 103]),
    ]
}

const HEAD: &str = "<p>示例市人民政府2024年政府信息公开工作年度报告</p>\
    <p>本报告所列数据的统计期限自2024年1月1日起至2024年12月31日止。</p>\
    <p>三、收到和处理政府信息公开申请情况</p>";

/// Table 三 as an HTML table: `header` rows, then each row's label and cells, a cell printed
/// by `cell` (its column, its value).
fn table3(header: &str, cell: &dyn Fn(usize, i64) -> String, order: [usize; 7]) -> String {
    let mut t = format!("{HEAD}<table>{header}");
    for (label, v) in rows_2024() {
        t.push_str(&format!("<tr><td>{label}</td>"));
        for c in order {
            t.push_str(&format!("<td>{}</td>", cell(c, v[c])));
        }
        t.push_str("</tr>");
    }
    t.push_str("</table><p>四、政府信息公开行政复议、行政诉讼情况</p>");
    t
}

const SPANNED: &str = "<tr><td colspan=2 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>\
    <tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>\
    <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>";

/// The same header written without its spans: fewer cells than the rows under it.
const UNSPANNED: &str = "<tr><td>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td>申请人情况</td></tr>\
    <tr><td>自然人</td><td>法人或其他组织</td><td>总计</td></tr>\
    <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>";

const FORM: [usize; 7] = [0, 1, 2, 3, 4, 5, 6];

fn plain(_: usize, v: i64) -> String {
    v.to_string()
}

/// Table 三's cells as read, by row, in the form's column order.
fn read_rows(p: &xxgknb::Report) -> Vec<[Option<i64>; 7]> {
    let l = xxgknb::model::layout::layout();
    let rows: Vec<usize> = (0..xxgknb::model::layout::T3_ROWS.len())
        .filter(|&r| {
            xxgknb::model::layout::T3_ROWS[r]
                .formats
                .has(xxgknb::Format::F2021)
        })
        .collect();
    rows.iter()
        .map(|&r| std::array::from_fn(|c| p.int(l.t3(r, c))))
        .collect()
}

fn want() -> Vec<[Option<i64>; 7]> {
    rows_2024().iter().map(|(_, v)| v.map(Some)).collect()
}

fn t3_findings(c: &xxgknb::Checked) -> Vec<(&'static str, String)> {
    c.result
        .diagnostics
        .iter()
        .filter(|d| {
            d.path.starts_with("/applications")
                || d.related.iter().any(|p| p.starts_with("/applications"))
        })
        .map(|d| (d.rule, d.path.clone()))
        .collect()
}

#[test]
fn a_header_without_spans_reads_by_its_labels_and_the_rows_width() {
    for header in [SPANNED, UNSPANNED] {
        let c = check(&table3(header, &plain, FORM), &ParseOptions::default());
        assert_eq!(read_rows(&c.report), want());
        assert_eq!(t3_findings(&c), [], "{header}");
    }
}

#[test]
fn columns_in_another_order_are_read_by_the_grid_when_the_header_lines_up() {
    // 总计 printed first, the header saying so with its spans.
    let header = "<tr><td rowspan=2>项目</td><td rowspan=2>总计</td><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td></tr>\
        <tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>";
    let c = check(
        &table3(header, &plain, [6, 0, 1, 2, 3, 4, 5]),
        &ParseOptions::default(),
    );
    assert_eq!(read_rows(&c.report), want());
    assert_eq!(t3_findings(&c), []);
}

#[test]
fn columns_the_header_cannot_tell_are_said_once_not_guessed() {
    // 总计 printed first, but the header (without spans) in the form's order: the rows' sums
    // say 总计 is not where the header puts it. One finding for the table, no false errors.
    let c = check(
        &table3(UNSPANNED, &plain, [6, 0, 1, 2, 3, 4, 5]),
        &ParseOptions::default(),
    );
    let f = t3_findings(&c);
    assert_eq!(
        f,
        [("unreadable-cell", "/applications".to_string())],
        "{:?}",
        c.result.diagnostics
    );
    let d = c
        .result
        .diagnostics
        .iter()
        .find(|d| d.rule == "unreadable-cell")
        .unwrap();
    assert!(d.message.starts_with("表三的列无法确定"), "{}", d.message);
    assert!(d.related.len() >= 25 * 7);
    assert!(read_rows(&c.report)
        .iter()
        .all(|r| r.iter().all(Option::is_none)));
}

#[test]
fn a_page_of_blanks_that_add_up_gives_one_warning_per_table_and_no_error() {
    // Every zero printed as an empty cell (&nbsp;): more than 100 blanks.
    let page = table3(
        SPANNED,
        &|_, v| {
            if v == 0 {
                "&nbsp;".into()
            } else {
                v.to_string()
            }
        },
        FORM,
    );
    let c = check(&page, &ParseOptions::default());
    let blank: Vec<_> = c
        .result
        .diagnostics
        .iter()
        .filter(|d| d.rule == "blank-cell")
        .collect();
    assert_eq!(blank.len(), 1, "{:?}", c.result.diagnostics);
    assert_eq!(blank[0].path, "/applications");
    assert!(blank[0].related.len() >= 100, "{}", blank[0].related.len());
    assert_eq!(blank[0].severity, Severity::Warning);
    assert!(errors(&c).is_empty(), "{:?}", errors(&c));
    // The blanks come back blank (null), as printed.
    let p = parse(&page, &ParseOptions::default());
    let json: Value = serde_json::from_str(&p.to_json()).unwrap();
    assert_eq!(
        json["report"]["applications"]["carriedOver"]["commercial"],
        Value::Null
    );
    // validate of the same data as form data keeps its strict meaning: one warning per cell.
    let strict = xxgknb::validate_report(&p.report, &xxgknb::Options::default());
    assert!(
        strict
            .diagnostics
            .iter()
            .filter(|d| d.rule == "blank-cell")
            .count()
            >= 100
    );
}

#[test]
fn a_blank_total_whose_row_adds_up_to_272_is_one_error_at_that_cell() {
    // Zeros blank, and the 总计 of （一）予以公开 left blank too, its row adding to 272.
    let page = table3(
        SPANNED,
        &|c, v| {
            if v == 0 || (c == 6 && v == 272) {
                String::new()
            } else {
                v.to_string()
            }
        },
        FORM,
    )
    .replace("<td>1288</td><td>21</td>", "<td>198</td><td>21</td>")
    .replace(
        "<td>50</td><td>3</td><td>1362</td>",
        "<td>50</td><td>3</td><td></td>",
    );
    // The column sums of 总计 then want 272 there too: (七)总计 3050 − the other results.
    let page = page
        .replace("<td>2932</td>", "<td>1842</td>")
        .replace("<td>3050</td>", "<td>1960</td>")
        .replace("<td>3001</td>", "<td>1911</td>")
        .replace("<td>3119</td>", "<td>2029</td>");
    let c = check(&page, &ParseOptions::default());
    let found = errors(&c);
    assert_eq!(found.len(), 1, "{found:?}");
    let e = found[0];
    assert_eq!(e.path, "/applications/results/granted/total");
    assert_eq!(e.expected, Some(xxgknb::model::Num::Int(272)));
    assert_eq!(e.rule, "t3-row-total");
    assert_eq!(
        e.message,
        "表三「（一）予以公开」行「总计」列应为 272（自然人与法人或其他组织各列之和），现为空。"
    );
    // Turning blank-cell off never hides it.
    let off =
        xxgknb::api::parse_options(r#"{"rules": {"blank-cell": "off"}}"#, ReadCall::Check).unwrap();
    let c = check(&page, &off);
    assert!(c
        .result
        .diagnostics
        .iter()
        .any(|d| d.path == "/applications/results/granted/total" && d.severity == Severity::Error));
    // As form data (strict), the blank is not filled in yet: no sum runs through it.
    let strict = xxgknb::api::parse_options(r#"{"blanks": "strict"}"#, ReadCall::Check).unwrap();
    let c = check(&page, &strict);
    assert!(errors(&c).is_empty(), "{:?}", errors(&c));
}

/// Errors about table 三 (the pages here print no table 二 or 四).
fn errors(c: &xxgknb::Checked) -> Vec<&xxgknb::Diagnostic> {
    c.result
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.path.starts_with("/applications"))
        .collect()
}

#[test]
fn locations_say_where_each_cell_was_read() {
    let o = xxgknb::api::parse_options(r#"{"locations": true}"#, ReadCall::Parse).unwrap();
    // Text: the line and column of the value's first character.
    let text = "示例市人民政府2024年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n\
        一、本年新收政府信息公开申请数量 | 3001 | 53 | 0 | 0 | 61 | 4 | 3119 |\n";
    let v: Value = serde_json::from_str(&parse(text, &o).to_json()).unwrap();
    let loc = &v["locations"]["/applications/received/commercial"];
    assert_eq!(loc["line"], 3);
    let line = text.lines().nth(2).unwrap();
    let col = loc["column"].as_u64().unwrap() as usize;
    assert!(
        line.chars()
            .skip(col - 1)
            .collect::<String>()
            .starts_with("53 |"),
        "{loc}"
    );
    // Glued digits: the column of the cell's own digits inside the run.
    let glued = text.replace("| 3001 | 53 | 0 | 0 | 61 | 4 | 3119 |", "300153006143119");
    let v: Value = serde_json::from_str(&parse(&glued, &o).to_json()).unwrap();
    let line = glued.lines().nth(2).unwrap();
    for (key, printed) in [
        ("natural", "3001"),
        ("commercial", "53"),
        ("legalService", "61"),
        ("total", "3119"),
    ] {
        let loc = &v["locations"][format!("/applications/received/{key}")];
        let col = loc["column"].as_u64().unwrap() as usize;
        assert!(
            line.chars()
                .skip(col - 1)
                .collect::<String>()
                .starts_with(printed),
            "{key}: {loc}"
        );
    }
    // HTML: the cell's element.
    let page = table3(SPANNED, &plain, FORM);
    let v: Value = serde_json::from_str(&parse(&page, &o).to_json()).unwrap();
    assert_eq!(
        v["locations"]["/applications/received/natural"]["element"],
        "table[1] tr[4] td[2]"
    );
    assert_eq!(
        v["locations"]["/applications/carriedForward/total"]["element"],
        "table[1] tr[28] td[8]"
    );
    // Not asked: not there; a JSON input has none; check too; misuse throws.
    assert!(!parse(text, &ParseOptions::default())
        .to_json()
        .contains("\"locations\""));
    let c = xxgknb::api::parse_options(r#"{"locations": true, "report": false}"#, ReadCall::Check)
        .unwrap();
    let v: Value = serde_json::from_str(&check(text, &c).to_json()).unwrap();
    assert_eq!(v["locations"]["/applications/received/total"]["line"], 3);
    assert!(v.get("report").is_none());
    let e = xxgknb::api::parse_options(r#"{"locations": "yes"}"#, ReadCall::Parse).unwrap_err();
    assert_eq!(
        e.to_string(),
        "options.locations: expected true or false, got \"yes\""
    );
}

#[test]
fn a_cell_that_holds_no_number_is_quoted_not_skipped() {
    // A Word table whose 行政处罚 cell reads 三九八: the cell is there, it is no number.
    let page = "<p>二、主动公开政府信息情况</p><table>\
        <tr><td>第二十条第（六）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr>\
        <tr><td>行政处罚</td><td>三九八</td></tr><tr><td>行政强制</td><td>12</td></tr></table>\
        <p>三、收到和处理政府信息公开申请情况</p>";
    let c = check(page, &ParseOptions::default());
    let d: Vec<_> = c
        .result
        .diagnostics
        .iter()
        .filter(|d| d.path.starts_with("/proactive/punishment"))
        .map(|d| (d.rule, d.input.as_deref()))
        .collect();
    assert_eq!(
        d,
        [("invalid-number", Some("三九八"))],
        "{:?}",
        c.result.diagnostics
    );
    // Two numbers in the one cell: never taken as two cells; one way to read them, said.
    let split = page.replace("<td>三九八</td>", "<td>398 5758</td>");
    let c = check(&split, &ParseOptions::default());
    let l = xxgknb::model::layout::layout();
    assert_eq!(
        c.report
            .int(l.find("/proactive/punishment/decisions").unwrap()),
        Some(3985758)
    );
    assert!(
        c.result
            .diagnostics
            .iter()
            .any(|d| d.rule == "glued-cells" && d.path == "/proactive/punishment"),
        "{:?}",
        c.result.diagnostics
    );
    // A row with no cell at all after its label is unread, never read as blanks.
    let bare = page.replace("<td>三九八</td>", "");
    let c = check(&bare, &ParseOptions::default());
    assert!(
        c.result
            .diagnostics
            .iter()
            .any(|d| d.rule == "unreadable-cell" && d.path == "/proactive/punishment"),
        "{:?}",
        c.result.diagnostics
    );
}

#[test]
fn laid_out_text_reads_a_last_row_printed_empty_but_not_a_row_cut_off() {
    // pdftotext of a table whose last row is all blank (blanks print nothing) before the next
    // part: that row is blank. The same text cut off after that label: the row is unread.
    let page = "    二、主动公开政府信息情况\n第二十条 第（一）项\n\n信息内容          本年制发件数     本年废止件数   现行有效件数\n\n        规章            1          0        11\n\n行政规范性文件       8          26       66\n\n第二十条 第（八）项\n\n        信息内容                          本年收费金额（单位：万元）\n\n行政事业性收费\n\n\n      三、收到和处理政府信息公开申请情况\n";
    let p = parse(page, &ParseOptions::default());
    let l = xxgknb::model::layout::layout();
    let fees = l.find("/proactive/fees/amount").unwrap();
    assert_eq!(
        p.report.cell(fees),
        &xxgknb::model::CellState::Blank { input: None }
    );
    let cut = &page[..page.find("行政事业性收费").unwrap() + "行政事业性收费".len()];
    let p = parse(cut, &ParseOptions::default());
    assert!(
        p.diagnostics
            .iter()
            .any(|d| d.rule == "unreadable-cell" && d.path == "/proactive/fees"),
        "{:?}",
        p.diagnostics
    );
}

#[test]
fn the_last_part_ends_where_the_portal_page_does() {
    // A portal page: after 六, the article's print/close links and the site's footer. They are
    // the site's, not the report's: part 六 holds only the report's own text (and the
    // signature), so reports of one portal are not alike by their footer (copied-report).
    let page = include_str!("fixtures/readers/sample-2020.html");
    let signed = page.replace(
        "</body>",
        "<p style=\"text-align:right\">示例市示例局</p>\n<p style=\"text-align:right\">2021年1月20日</p>\n</body>",
    );
    let portal = signed.replace(
        "</body>",
        "<div class=\"tools\">【打印本页】【关闭窗口】</div>\n<div>上一篇：示例局2019年政府信息公开工作年度报告</div>\n\
         <div class=\"footer\"><p>主办单位：示例市人民政府办公室 承办：示例市大数据管理局</p>\n\
         <p>网站标识码：3208000001 示ICP备12345678号 公网安备 32080002000001号</p></div>\n</body>",
    );
    let other = |text: &str| {
        let p = parse(text, &ParseOptions::default());
        p.report
            .sections
            .iter()
            .find(|(k, _)| k == "other")
            .map(|(_, t)| t.clone())
            .unwrap()
    };
    let own = other(&signed);
    assert!(
        own.starts_with("无。") && own.contains("2021年1月20日"),
        "{own}"
    );
    assert_eq!(other(&portal), own);
}

#[test]
fn a_table_of_contents_before_the_report_is_no_part_of_it() {
    // The six part headings listed before the report (links to the parts, or plain lines, in
    // a list, paragraphs or divs): taken for the parts, each part was a line long and no
    // table was found in any.
    let page = include_str!("fixtures/readers/sample-2020.html");
    let heads = xxgknb::readers::rules::prose::HEADINGS.map(|l| l.zh);
    let clean = check(page, &ParseOptions::default());
    let rules = |c: &xxgknb::Checked| {
        c.result
            .diagnostics
            .iter()
            .map(|d| d.rule)
            .collect::<Vec<_>>()
    };
    for (shape, item) in [
        (
            "list of links",
            "<ul><li><a href=\"#p{i}\">{h}</a></li></ul>",
        ),
        ("paragraphs of links", "<p><a href=\"#p{i}\">{h}</a></p>"),
        ("plain lines", "<div>{h}</div>"),
    ] {
        let toc: String = heads
            .iter()
            .enumerate()
            .map(|(i, h)| item.replace("{i}", &i.to_string()).replace("{h}", h))
            .collect();
        let with_toc = page.replacen("<body>", &format!("<body><p>目录</p>{toc}"), 1);
        assert_ne!(with_toc, page);
        let c = check(&with_toc, &ParseOptions::default());
        assert_eq!(rules(&c), rules(&clean), "{shape}");
        assert_eq!(
            xxgknb::model::encode::encode(&c.report),
            xxgknb::model::encode::encode(&clean.report),
            "{shape}"
        );
    }
    // Headings only in the list: kept (they are all the page has), as before.
    let only = format!(
        "<body><ol>{}</ol><p>正文</p></body>",
        heads.map(|h| format!("<li>{h}</li>")).concat()
    );
    let p = parse(&only, &ParseOptions::default());
    assert!(
        p.report.sections.iter().any(|(k, _)| k == "overview"),
        "{:?}",
        p.report.sections
    );
}

#[test]
fn a_title_with_the_year_in_chinese_numerals_names_the_issuer_and_the_year() {
    let page = include_str!("fixtures/readers/sample-2020.html");
    for year in ["二〇二〇", "二零二〇"] {
        let titled = page
            .replace(
                "2020年政府信息公开工作年度报告</h1>",
                &format!("{year}年政府信息公开工作年度报告</h1>"),
            )
            .replace(
                "<title>示例区住房和城乡建设局2020年政府信息公开工作年度报告</title>",
                "",
            );
        assert!(!titled.contains("2020年政府信息公开工作年度报告"));
        let p = parse(&titled, &ParseOptions::default());
        assert_eq!(p.report.year, Some(2020), "{year}");
        assert_eq!(
            p.report.issuer.as_deref(),
            Some("示例区住房和城乡建设局"),
            "{year}"
        );
    }
}
