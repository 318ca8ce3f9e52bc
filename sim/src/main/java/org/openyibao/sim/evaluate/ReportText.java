package org.openyibao.sim.evaluate;

import java.util.Locale;
import java.util.Map;

/**
 * The report's words in one language. Terms as docs/glossary.md names them; the Chinese indicator
 * names as seed 003 ch. 4 uses them (灾难性卫生支出 发生率, 平均差距, 相对差距, 集中指数).
 */
final class ReportText {

    final String lang;
    private final Map<String, String> words;

    private ReportText(String lang, Map<String, String> words) {
        this.lang = lang;
        this.words = words;
    }

    /** Chinese for a {@code zh} locale, English otherwise. */
    static ReportText of(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? new ReportText("zh", ZH) : new ReportText("en", EN);
    }

    /** The word for {@code key}, or the key itself (a run label from run.json, a fund key …). */
    String t(String key) {
        return words.getOrDefault(key, key);
    }

    /** A scenario's name: known keys translated, a run's own label otherwise. */
    String scenario(String key) {
        String w = words.get("scenario." + key);
        return w != null ? w : key;
    }

    String fund(String key) {
        String w = words.get("fund." + key);
        return w != null ? w : key;
    }

    String group(String key) {
        String w = words.get("group." + key);
        return w != null ? w : key;
    }

    private static final Map<String, String> ZH = Map.ofEntries(
            Map.entry("title", "医疗保障效果评估"),
            Map.entry("language", "中文"),
            Map.entry("other.language", "English"),
            Map.entry("axis.threshold", "标准 z（自付占非食品支出之比）"),
            Map.entry("axis.headcount", "发生灾难性卫生支出的家庭（%）"),
            Map.entry("axis.averageGap", "平均差距（占非食品支出，%）"),
            Map.entry("axis.meanPositiveGap", "相对差距（占非食品支出，%）"),
            Map.entry("axis.concentrationIndex", "集中指数（−1 至 1）"),
            Map.entry("axis.quintile", "收入五等分组（按人均收入）"),
            Map.entry("axis.reimbursement", "实际报销比（%）"),
            Map.entry("axis.households", "家庭数（户）"),
            Map.entry("axis.fund", "基金"),
            Map.entry("axis.flows", "收入与支出（{unit}）"),
            Map.entry("axis.balance", "当年结余（{unit}）"),
            Map.entry("unit.yuan", "元"),
            Map.entry("unit.1e4", "万元"),
            Map.entry("unit.1e8", "亿元"),
            Map.entry("funds.flows", "基金收入与支出"),
            Map.entry("funds.balance", "基金当年结余"),
            Map.entry("key.income", "收入"),
            Map.entry("key.expenditure", "支出"),
            Map.entry("font.embedded", "中文字形：本页嵌入{font}的子集，仅含本页所用的 {n} 个汉字和标点；许可：{licence}。其余文字用读者系统的字体。"),
            Map.entry("font.missing", "本页未嵌入中文字体（生成报告的机器上没有 {package}）：中文按读者系统的字体显示。"),
            Map.entry("intro", "各情景下家庭灾难性卫生支出与基金收支。家庭自付医疗支出占非食品支出之比超过标准 z 即为灾难性卫生支出（z = 20%、30%、40%）。"),
            Map.entry("baseline", "基准运行"),
            Map.entry("households", "家庭数"),
            Map.entry("excluded", "非食品支出 ≤ 0、未计入的家庭"),
            Map.entry("scenario", "情景"),
            Map.entry("label", "标签（run.json scenario）"),
            Map.entry("threshold", "标准 z"),
            Map.entry("catastrophic", "灾难性卫生支出家庭数"),
            Map.entry("headcount", "灾难性卫生支出 发生率"),
            Map.entry("averageGap", "灾难性卫生支出 平均差距"),
            Map.entry("meanPositiveGap", "灾难性卫生支出 相对差距"),
            Map.entry("concentrationIndex", "灾难性卫生支出 集中指数"),
            Map.entry("oop", "家庭自付合计（元）"),
            Map.entry("ci.note", "集中指数按人均收入排序（r = 1 为最贫困）：负值表示灾难性卫生支出集中在贫困家庭，正值表示集中在富裕家庭。"),
            Map.entry("reimbursement", "实际报销比（按收入五等分组）"),
            Map.entry("reimbursement.scheme", "实际报销比（按险种）"),
            Map.entry("reimbursement.level", "实际报销比（按医疗机构级别）"),
            Map.entry("group", "分组"),
            Map.entry("run", "运行"),
            Map.entry("settlements", "结算笔数"),
            Map.entry("medfee", "医疗费总额（元）"),
            Map.entry("fundPay", "基金支付（元）"),
            Map.entry("psnPart", "个人负担（元）"),
            Map.entry("effectiveReimbursement", "实际报销比"),
            Map.entry("oopShare", "个人负担比例"),
            Map.entry("gainLoss", "受益与受损家庭（按收入五等分组，与基准运行相比）"),
            Map.entry("gainers", "受益家庭"),
            Map.entry("losers", "受损家庭"),
            Map.entry("unchanged", "不变"),
            Map.entry("gainersMean", "受益家庭平均变化（元）"),
            Map.entry("losersMean", "受损家庭平均变化（元）"),
            Map.entry("meanChange", "全部家庭平均变化（元）"),
            Map.entry("gainLoss.note", "受益：自付减少超过 1 元；受损：自付增加超过 1 元。"),
            Map.entry("funds", "基金收支与当年结余"),
            Map.entry("fund", "基金"),
            Map.entry("income", "收入（元）"),
            Map.entry("expenditure", "支出（元）"),
            Map.entry("balance", "当年结余（元）"),
            Map.entry("fundCost", "与基准运行相比的基金成本"),
            Map.entry("incomeChange", "收入变化（元）"),
            Map.entry("expenditureChange", "支出变化（元）"),
            Map.entry("balanceChange", "结余变化（元）"),
            Map.entry("against", "对比"),
            Map.entry("notes", "说明"),
            Map.entry("note.share", "自付（psn_part_amt，个人账户 + 现金）÷（消费支出 − 食品支出）；比较为精确整数运算。"),
            Map.entry("note.basicOnly", "“仅基本医保”情景：把基准运行中大病保险、医疗救助和其他支付加回家庭自付（一阶近似）。"),
            Map.entry("note.rank", "收入排序按人均收入（收入 ÷ 家庭人口），同值按家庭编号。"),
            Map.entry("scenario.no-insurance", "无医保"),
            Map.entry("scenario.basic-only", "仅基本医保"),
            Map.entry("scenario.baseline", "基本医保 + 大病保险（现行）"),
            Map.entry("scenario.si-50", "大病保险报销 50%"),
            Map.entry("scenario.si-100", "大病保险报销 100%"),
            Map.entry("fund.resident_pooling", "居民医保统筹基金"),
            Map.entry("fund.employee_pooling", "职工医保统筹基金"),
            Map.entry("fund.serious_illness", "大病保险"),
            Map.entry("fund.assistance", "医疗救助"),
            Map.entry("fund.employee_accounts", "职工个人账户"),
            Map.entry("fund.emergency", "突发公共卫生事件保障"),
            Map.entry("group.total", "合计"),
            Map.entry("group.resident", "城乡居民医保"),
            Map.entry("group.employee", "职工医保"),
            Map.entry("group.uninsured", "未参保"),
            Map.entry("group.village", "村卫生站"),
            Map.entry("group.township", "乡镇卫生院"),
            Map.entry("group.level1", "一级医院"),
            Map.entry("group.level2", "二级医院"),
            Map.entry("group.level3", "三级医院"),
            Map.entry("group.Q1", "第一组（最低收入）"),
            Map.entry("group.Q2", "第二组"),
            Map.entry("group.Q3", "第三组"),
            Map.entry("group.Q4", "第四组"),
            Map.entry("group.Q5", "第五组（最高收入）"));

    private static final Map<String, String> EN = Map.ofEntries(
            Map.entry("title", "Security-effect evaluation"),
            Map.entry("language", "English"),
            Map.entry("other.language", "中文"),
            Map.entry("axis.threshold", "Threshold z (out-of-pocket ÷ non-food spending)"),
            Map.entry("axis.headcount", "Households with CHE (%)"),
            Map.entry("axis.averageGap", "Average gap (% of non-food spending)"),
            Map.entry("axis.meanPositiveGap", "Mean positive gap (% of non-food spending)"),
            Map.entry("axis.concentrationIndex", "Concentration index (−1 to 1)"),
            Map.entry("axis.quintile", "Income quintile (by per-capita income)"),
            Map.entry("axis.reimbursement", "Effective reimbursement ratio (%)"),
            Map.entry("axis.households", "Households"),
            Map.entry("axis.fund", "Fund"),
            Map.entry("axis.flows", "Income and expenditure ({unit})"),
            Map.entry("axis.balance", "Year's balance ({unit})"),
            Map.entry("unit.yuan", "yuan"),
            Map.entry("unit.1e3", "thousand yuan"),
            Map.entry("unit.1e6", "million yuan"),
            Map.entry("unit.1e9", "billion yuan"),
            Map.entry("funds.flows", "Fund income and expenditure"),
            Map.entry("funds.balance", "Each fund's year's balance"),
            Map.entry("key.income", "Income"),
            Map.entry("key.expenditure", "Expenditure"),
            Map.entry("font.embedded", "Chinese glyphs: a subset of {font} embedded in this page, holding only the {n} Chinese characters and punctuation marks it uses; licence: {licence}. Other text uses the reader's own fonts."),
            Map.entry("font.missing", "No Chinese font is embedded in this page (the machine that wrote it lacked {package}): Chinese shows in the reader's own fonts."),
            Map.entry("intro", "Catastrophic health expenditure (CHE) of households and the funds' year, scenario by scenario. A household has CHE when its out-of-pocket medical spending exceeds the share z of its non-food spending (z = 20%, 30%, 40%)."),
            Map.entry("baseline", "Baseline run"),
            Map.entry("households", "Households"),
            Map.entry("excluded", "Households left out (non-food spending ≤ 0)"),
            Map.entry("scenario", "Scenario"),
            Map.entry("label", "Label (run.json scenario)"),
            Map.entry("threshold", "Threshold z"),
            Map.entry("catastrophic", "Households with CHE"),
            Map.entry("headcount", "CHE headcount"),
            Map.entry("averageGap", "CHE average gap"),
            Map.entry("meanPositiveGap", "CHE relative (mean positive) gap"),
            Map.entry("concentrationIndex", "CHE concentration index"),
            Map.entry("oop", "Out-of-pocket total (yuan)"),
            Map.entry("ci.note", "Concentration index by per-capita income rank (r = 1 the poorest): negative means CHE concentrated among the poor, positive among the rich."),
            Map.entry("reimbursement", "Effective reimbursement ratio by income quintile"),
            Map.entry("reimbursement.scheme", "Effective reimbursement ratio by scheme"),
            Map.entry("reimbursement.level", "Effective reimbursement ratio by institution level"),
            Map.entry("group", "Group"),
            Map.entry("run", "Run"),
            Map.entry("settlements", "Settlements"),
            Map.entry("medfee", "Medical fees (yuan)"),
            Map.entry("fundPay", "Fund payment (yuan)"),
            Map.entry("psnPart", "Out-of-pocket (yuan)"),
            Map.entry("effectiveReimbursement", "Effective reimbursement ratio"),
            Map.entry("oopShare", "Out-of-pocket share"),
            Map.entry("gainLoss", "Gainers and losers by income quintile, against the baseline"),
            Map.entry("gainers", "Gainers"),
            Map.entry("losers", "Losers"),
            Map.entry("unchanged", "Unchanged"),
            Map.entry("gainersMean", "Gainers' mean change (yuan)"),
            Map.entry("losersMean", "Losers' mean change (yuan)"),
            Map.entry("meanChange", "Mean change, all households (yuan)"),
            Map.entry("gainLoss.note", "Gainer: out-of-pocket falls by more than 1 yuan; loser: rises by more than 1 yuan."),
            Map.entry("funds", "Fund income, expenditure and the year's balance"),
            Map.entry("fund", "Fund"),
            Map.entry("income", "Income (yuan)"),
            Map.entry("expenditure", "Expenditure (yuan)"),
            Map.entry("balance", "Year's balance (yuan)"),
            Map.entry("fundCost", "Cost to each fund against the baseline"),
            Map.entry("incomeChange", "Δ income (yuan)"),
            Map.entry("expenditureChange", "Δ expenditure (yuan)"),
            Map.entry("balanceChange", "Δ balance (yuan)"),
            Map.entry("against", "against"),
            Map.entry("notes", "Notes"),
            Map.entry("note.share", "Share = out-of-pocket (psn_part_amt: individual account + cash) ÷ (spending − food); compared in exact integer arithmetic."),
            Map.entry("note.basicOnly", "\"Basic only\": the baseline run's serious-illness, medical-assistance and other payments added back to the household's out-of-pocket (a first-order rebuild)."),
            Map.entry("note.rank", "Income rank by per-capita income (income ÷ household size), ties by household id."),
            Map.entry("scenario.no-insurance", "No insurance"),
            Map.entry("scenario.basic-only", "Basic only"),
            Map.entry("scenario.baseline", "Basic + serious illness (as run)"),
            Map.entry("scenario.si-50", "Serious illness at 50%"),
            Map.entry("scenario.si-100", "Serious illness at 100%"),
            Map.entry("fund.resident_pooling", "Residents' pooling fund"),
            Map.entry("fund.employee_pooling", "Employees' pooling fund"),
            Map.entry("fund.serious_illness", "Serious-illness insurance"),
            Map.entry("fund.assistance", "Medical assistance"),
            Map.entry("fund.employee_accounts", "Employees' individual accounts"),
            Map.entry("fund.emergency", "Public-health emergency cover"),
            Map.entry("group.total", "Total"),
            Map.entry("group.resident", "Residents' scheme"),
            Map.entry("group.employee", "Employees' scheme"),
            Map.entry("group.uninsured", "Uninsured"),
            Map.entry("group.village", "Village station"),
            Map.entry("group.township", "Township centre"),
            Map.entry("group.level1", "Level 1 hospital"),
            Map.entry("group.level2", "Level 2 hospital"),
            Map.entry("group.level3", "Level 3 hospital"),
            Map.entry("group.Q1", "Q1 (poorest)"),
            Map.entry("group.Q2", "Q2"),
            Map.entry("group.Q3", "Q3"),
            Map.entry("group.Q4", "Q4"),
            Map.entry("group.Q5", "Q5 (richest)"));
}
