use super::{Check, Context, Diagnostic, Locale, Rule, Severity};

pub(crate) static RULE: Rule = Rule {
    code: "S004",
    name: "objective-count",
    severity: Severity::Warning,
    summary: "more objectives in a unit than a limit (default 5)",
    docs: r#"
## What it checks
A unit (a department, a team, or the company level) with more objectives than the
configured limit (by default 5; `[limits] objectives-per-unit` in `okrlint.toml`).

## Why it matters
OKRs are for focus. A unit with many objectives has not chosen, and each objective gets
too little attention to move.

## Bad
```
研发部门
O1：提升平台稳定性
KR1：核心接口可用性达到99.9%
KR2：P1故障数降低到每月2次以内
O2：缩短交付周期
KR1：需求平均交付周期从20天缩短到12天
KR2：发布回滚率降低到3%以下
O3：降低云成本
KR1：单位请求云成本比上季度降低15%
KR2：闲置资源占比降低到5%以下
O4：提升代码质量
KR1：单元测试覆盖率从45%提升到70%
KR2：线上缺陷密度降低30%
O5：提升研发效率
KR1：构建时间从15分钟缩短到5分钟
KR2：代码评审平均等待时间缩短到4小时以内
O6：提升工程师满意度
KR1：季度敬业度调查得分从3.6提升到4.0
KR2：主动离职率低于5%
```

## Good
```
研发部门
O1：提升平台稳定性
KR1：核心接口可用性达到99.9%
KR2：P1故障数降低到每月2次以内
O2：缩短交付周期
KR1：需求平均交付周期从20天缩短到12天
KR2：发布回滚率降低到3%以下
```
"#,
    check: Check::Document(check),
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let limit = cx.settings.limits.objectives_per_unit;
    for unit in cx.document.units() {
        let count = unit.objectives.len();
        let Some(first_extra) = unit.objectives.get(limit) else {
            continue;
        };
        let span = unit
            .heading
            .as_ref()
            .map_or(first_extra.item.handle(), |h| h.text);
        let says = Locale::of_text(cx.text(first_extra.item.text));
        let extra = limit + 1;
        out.push(
            Diagnostic::new(
                &RULE,
                span,
                says.format(format_args!("有 {count} 个目标，超过上限 {limit} 个"), format_args!("{count} objectives, more than the limit of {limit}")),
            )
            .label(says.format(format_args!("{count} 个目标"), format_args!("{count} objectives")))
            .related(
                first_extra.item.handle(),
                says.format(format_args!("第 {extra} 个目标"), format_args!("objective number {extra}")),
            )
            .help(says.says(
                "只保留本周期最重要的几个目标；其余放到下个周期或作为日常工作跟踪",
                "keep the few objectives that matter most this period; move the rest to the next one or track them as routine work",
            )),
        );
    }
}
