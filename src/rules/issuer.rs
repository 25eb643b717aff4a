//! What kind of body issued a report, read from its name: a people's government (人民政府, and
//! the 街道办事处 that act for one) or a department of one (局, 委, 办公室…). The kind sets the
//! deadline (条例 第四十九条: departments by 31 January, governments by 31 March) and what part 一
//! must cover (第五十条: governments also report 考核、评议和责任追究结果). The `issuerKind`
//! option overrides it.

use crate::options::IssuerKind;

/// The kind the name says, or `None` where it does not (a name cut short, a 中心 of uncertain
/// standing is still a department; an empty or unusual name is not guessed).
///
/// `淮安市人民政府（办公室）` is the government's report compiled by its office: the bracket is
/// dropped. `淮安市人民政府办公室` is the office's own report: a department.
pub fn kind_of_name(name: &str) -> Option<IssuerKind> {
    let plain = name.split('（').next()?.split('(').next()?;
    if plain.ends_with("人民政府") || plain.ends_with("办事处") {
        return Some(IssuerKind::Government);
    }
    const DEPARTMENT_ENDS: [&str; 17] = [
        "局", "委", "办", "室", "厅", "中心", "院", "所", "站", "队", "处", "会", "部", "署", "馆",
        "社", "行",
    ];
    DEPARTMENT_ENDS
        .iter()
        .any(|e| plain.ends_with(e))
        .then_some(IssuerKind::Department)
}

/// The kind of the report's issuer: the `issuerKind` option, else what the name says.
pub fn kind(
    report: &crate::model::Report,
    options: &crate::options::Options,
) -> Option<IssuerKind> {
    options
        .issuer_kind
        .or_else(|| report.issuer.as_deref().and_then(kind_of_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn governments_and_departments_by_name() {
        let g = Some(IssuerKind::Government);
        let d = Some(IssuerKind::Department);
        assert_eq!(kind_of_name("淮安市人民政府"), g);
        assert_eq!(kind_of_name("淮安市人民政府（办公室）"), g);
        assert_eq!(kind_of_name("示例县某某镇人民政府"), g);
        assert_eq!(kind_of_name("示例区某某街道办事处"), g);
        assert_eq!(kind_of_name("淮安市人民政府办公室"), d);
        assert_eq!(kind_of_name("温州市瓯海区住房和城乡建设局"), d);
        assert_eq!(kind_of_name("示例市发展和改革委员会"), d);
        assert_eq!(kind_of_name("示例区政务服务管理办"), d);
        assert_eq!(kind_of_name("示例高新区管委会"), d);
        assert_eq!(kind_of_name(""), None);
        assert_eq!(kind_of_name("我局"), d);
        assert_eq!(kind_of_name("某某"), None);
    }
}
