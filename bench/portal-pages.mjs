// Realistic portal pages for the benchmarks of issue 18: a generated report (tests/cli/fixtures/
// generate.mjs) rendered the way government portals publish it — a page of chrome (head with
// styles and scripts, navigation, breadcrumbs, the 索引号/发布机构 metadata table, footer) around
// the report exported from Word (every cell a `MsoNormal` paragraph of styled spans, labels split
// across spans, `<o:p>` fillers, conditional comments). Deterministic for a given seed. Written
// here from scratch; no real page is copied.

import { makeReport, renderHtml, rng } from '../tests/cli/fixtures/generate.mjs';

const SECTIONS = [
  '首页',
  '政务公开',
  '政府信息公开',
  '政策文件',
  '政策解读',
  '新闻中心',
  '政务服务',
  '互动交流',
  '专题专栏',
  '数据发布',
];
const COLUMNS = [
  '机构职能',
  '领导信息',
  '规划计划',
  '财政资金',
  '人事信息',
  '统计信息',
  '应急管理',
  '建议提案',
  '重点领域',
  '公示公告',
  '法定主动公开内容',
  '政府信息公开年报',
];

/** A chunk of minified-looking script, as portals inline for statistics and menus. */
function script(r, n) {
  const names = ['menu', 'nav', 'tab', 'slide', 'stat', 'font', 'share', 'search'];
  let out = '';
  for (let i = 0; i < n; i++) {
    const a = names[Math.floor(r() * names.length)];
    out +=
      `function ${a}${i}(e,t){var n=document.getElementById("${a}_"+e);if(!n)return;for(var i=0;i<n.children.length;i++){n.children[i].className=i===t?"on":""}` +
      `if(window.__stat&&e<${i + 10}){__stat.push(["${a}",e,t,"<tr><td>${i}</td></tr>"])}}\n`;
  }
  return out;
}

function styles(n) {
  let out = '';
  for (let i = 0; i < n; i++)
    out += `.col${i} a{color:#${(0x1a3c6e + i * 97).toString(16).slice(-6)};font-size:14px;line-height:28px}.col${i} li{float:left;width:${20 + (i % 5) * 10}%}\n`;
  return out;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A label as Word exports it: sometimes in two separately styled spans (`总</span><span>计`). */
function wordSpans(text, r) {
  if (text.length < 2 || r() < 0.6) return `<span>${text}</span>`;
  const cut = 1 + Math.floor(r() * (text.length - 1));
  return `<span>${text.slice(0, cut)}</span><span style='font-family:宋体'>${text.slice(cut)}</span>`;
}

/** The report's own markup turned into Word's: cells and paragraphs wrapped and styled. */
function wordExport(html, r) {
  const body = html.slice(html.indexOf('<div class="article">'), html.lastIndexOf('</div>') + 6);
  return body
    .replace(
      /<td([^>]*)>([^<]*)<\/td>/g,
      (_, attrs, text) =>
        `<td${attrs} width=${40 + Math.floor(r() * 40)}>` +
        `<p class=MsoNormal align=center>${/^\d+$/.test(text) ? `<span lang=EN-US>${text}</span>` : wordSpans(text, r)}</p></td>`,
    )
    .replace(
      /<table border="1">/g,
      "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>",
    )
    .replace(/<tr>/g, () => `<tr style='height:${(14 + r() * 10).toFixed(1)}pt'>`)
    .replace(
      /<p>([^<]*)<\/p>/g,
      (_, text) =>
        `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><![if !supportLists]>${wordSpans(text, r)}<![endif]><span lang=EN-US><o:p></o:p></span></p>`,
    );
}

/**
 * One portal page holding one report: about 42 KB of HTML (UTF-8), or about 30 KB with
 * `chrome: 'light'` (fewer menus, scripts and styles, as smaller portals print).
 * `report`: a report made by the caller (tests/cli/fixtures/generate.mjs), for runs of
 * consecutive years of one issuer; by default one is made from the seed.
 * @param {number} seed
 * @param {{ format?: '2019'|'2021', report?: object, chrome?: 'full'|'light' }} [o]
 */
export function portalPage(seed, o = {}) {
  const r = rng(seed * 7919 + 13);
  const year = o.format === '2019' ? 2020 : 2021 + (seed % 4);
  const rep = o.report ?? makeReport({ seed, year, issuer: `示例市第${1 + (seed % 97)}局` });
  const light = o.chrome === 'light';
  const sections = light ? SECTIONS.slice(0, 6) : SECTIONS;
  const nav = sections
    .map(
      (s, i) =>
        `<li class="nav-item${i === 2 ? ' on' : ''}"><a href="/${i}/index.html" target="_self" title="${s}">${s}</a><ul class="sub">${COLUMNS.slice(
          0,
          3 + (i % 5),
        )
          .map((c, j) => `<li><a href="/${i}/${j}/list.html">${c}</a></li>`)
          .join('')}</ul></li>`,
    )
    .join('\n');
  const side = COLUMNS.map((c, i) => `<li class="col${i}"><a href="/xxgk/${i}/">${c}</a></li>`).join('');
  const links = Array.from(
    { length: light ? 8 : 20 },
    (_, i) => `<a href="http://www.example${i}.gov.cn/" target="_blank">示例链接${i + 1}</a>`,
  ).join(' | ');
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="示例市人民政府" /><meta name="ColumnName" content="政府信息公开年报" />
<meta name="ArticleTitle" content="${esc(rep.issuer)}${rep.year}年政府信息公开工作年度报告" />
<title>${esc(rep.issuer)}${rep.year}年政府信息公开工作年度报告_示例市人民政府</title>
<link rel="stylesheet" href="/css/common.css" /><style type="text/css">
${styles(light ? 6 : 12)}</style>
<script type="text/javascript">
${script(r, light ? 3 : 8)}</script>
<!--[if lt IE 9]><script src="/js/html5shiv.js"></script><![endif]-->
</head>
<body>
<div class="top-bar"><div class="w1200"><span>欢迎访问示例市人民政府门户网站</span><a href="/wza/">无障碍</a><a href="/old/">长者模式</a><a href="/en/">English</a></div></div>
<div class="header"><div class="w1200"><a class="logo" href="/"><img src="/images/logo.png" alt="示例市人民政府" /></a>
<form action="/search/" method="get"><input name="q" type="text" placeholder="请输入关键词" /><button type="submit">搜索</button></form></div></div>
<div class="nav"><ul>${nav}</ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk/nb/">政府信息公开年报</a></div>
<div class="w1200 main"><div class="side"><ul>${side}</ul></div>
<div class="content">
<table class="xxgk-meta"><tr><td>索引号：</td><td>11320800MB${String(1e6 + seed).slice(1)}/${rep.year + 1}-0${1 + (seed % 9)}</td><td>主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>${esc(rep.issuer)}</td><td>生成日期：</td><td>${rep.year + 1}-01-${String(10 + (seed % 18)).padStart(2, '0')}</td></tr>
<tr><td>文号：</td><td></td><td>有效性：</td><td>有效</td></tr></table>
<div class="article-title">${esc(rep.issuer)}${rep.year}年政府信息公开工作年度报告</div>
<div class="article-info">来源：${esc(rep.issuer)} 浏览次数：<span id="hits">${Math.floor(r() * 9000)}</span> <a href="javascript:fontZoom(16)">大</a> <a href="javascript:fontZoom(14)">中</a> <a href="javascript:fontZoom(12)">小</a></div>
<div class="TRS_Editor"><div class=WordSection1 style='layout-grid:15.6pt'>
${wordExport(renderHtml(rep), r)}
</div></div>
<div class="share"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div></div>
<div class="links"><div class="w1200">${links}</div></div>
<div class="footer"><div class="w1200"><p>主办单位：示例市人民政府办公室 承办：示例市大数据管理局</p><p>网站标识码：${3208000000 + seed} 备案号：示ICP备${10000000 + seed}号 公网安备 ${32080002000000 + seed}号</p></div></div>
<script type="text/javascript">
${script(r, light ? 1 : 4)}var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="/stat.js?${seed}";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s)})();
</script>
</body></html>
`;
}
