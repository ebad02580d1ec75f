package legalaid

import "github.com/legaldesk/legaldesk/internal/errs"

// Rule explains one economic-status path in plain Chinese with the article
// it rests on, before the applicant submits.
type Rule struct {
	Path         Path     `json:"path"`
	Article      string   `json:"article"`
	Title        string   `json:"title"`
	Explanation  string   `json:"explanation"`
	Requirements []string `json:"requirements"`
	// The same in English, for the English pages (the Chinese is the text
	// that counts).
	ExplanationEN  string            `json:"explanation_en"`
	RequirementsEN []string          `json:"requirements_en"`
	Options        map[string]string `json:"options,omitempty"` // grounds or groups to choose from
	NeedsProof     bool              `json:"needs_proof"`       // attachments expected
	Pledge         []string          `json:"pledge,omitempty"`  // the texts to confirm and sign
}

// Art32Grounds are the cases with no economic-hardship condition.
var Art32Grounds = map[string]string{
	"martyr_relative":  "英雄烈士近亲属为维护英雄烈士的人格权益",
	"bravery":          "因见义勇为行为主张相关民事权益",
	"retrial_acquit":   "再审改判无罪请求国家赔偿",
	"abuse_violence":   "遭受虐待、遗弃或者家庭暴力的受害人主张相关权益",
	"other_by_statute": "法律、法规、规章规定的其他情形",
}

// Art42Groups are exempt from the hardship check.
var Art42Groups = map[string]string{
	"minor_elderly_disabled": "无固定生活来源的未成年人、老年人、残疾人等特定群体",
	"social_assistance":      "社会救助、司法救助或者优抚对象",
	"migrant_wages":          "申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员",
	"other_by_statute":       "法律、法规、规章规定的其他人员",
}

// PledgeVersion names the pledge texts below; a signed pledge records it.
const PledgeVersion = "2026-1"

var pledgeTexts = []string{
	"承诺书：本人承诺所填写的经济困难状况真实、准确、完整，如有虚假，愿意承担相应法律责任，并退还已获得的法律援助费用。",
	"经济状况说明：本人家庭成员、收入、财产等情况已如实填写。",
	"授权核查书：本人授权法律援助机构向有关部门、单位核查本人及家庭的经济状况。",
}

var rules = map[Path]Rule{
	Art32: {Path: Art32, Article: "《法律援助法》第三十二条", Title: "不受经济困难条件限制",
		Explanation:  "属于下列情形之一的，申请法律援助不需要审查经济状况：英雄烈士近亲属维护英雄烈士人格权益；见义勇为主张民事权益；再审改判无罪请求国家赔偿；遭受虐待、遗弃或者家庭暴力主张相关权益；法律法规规定的其他情形。",
		Requirements: []string{"说明属于哪一种情形", "提交能够证明该情形的材料（如烈士证明、见义勇为认定、判决书、报警或告诫记录等）"},
		Options:      Art32Grounds, NeedsProof: true,
		ExplanationEN: "In any of these cases no economic check is made: a close relative of a hero or martyr protecting their personality rights; " +
			"civil claims arising from a brave and righteous act; state compensation after a retrial acquittal; victims of abuse, abandonment " +
			"or domestic violence claiming their rights; other cases set by law.",
		RequirementsEN: []string{"Say which case applies", "Give material that shows it (a martyr certificate, a recognition of the brave act, the judgment, a police record or warning, …)"}},
	Art42: {Path: Art42, Article: "《法律援助法》第四十二条", Title: "免予核查经济困难状况",
		Explanation:  "属于下列人员的，提交相关证明即可，法律援助机构不再核查经济状况：无固定生活来源的未成年人、老年人、残疾人等特定群体；社会救助、司法救助或者优抚对象；申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员；法律法规规定的其他人员。",
		Requirements: []string{"选择所属人员类别", "上传身份或救助、优抚等证明材料"},
		Options:      Art42Groups, NeedsProof: true,
		ExplanationEN: "These people only show a proof of who they are, and the centre does not check their means: minors, elderly or disabled people " +
			"without a fixed income; recipients of social assistance, judicial assistance or special care; migrant workers claiming wages " +
			"or compensation for a work injury; others set by law.",
		RequirementsEN: []string{"Choose the group you belong to", "Upload a proof of identity, assistance or special care"}},
	Art41: {Path: Art41, Article: "《法律援助法》第四十一条", Title: "个人诚信承诺（告知承诺）",
		Explanation:  "没有经济困难证明材料的，可以如实填写经济状况并作出书面承诺，法律援助机构依法核查。承诺不实的，将终止法律援助并追回费用，记入信用记录。",
		Requirements: []string{"如实填写家庭人口、家庭月收入和主要财产", "阅读并确认承诺书、经济状况说明和授权核查书", "签署本人姓名"},
		Pledge:       pledgeTexts,
		ExplanationEN: "Without papers that prove hardship, state your household's means truthfully and sign a written pledge; the centre checks it. " +
			"A false pledge ends the aid, the costs are recovered and it is entered in the credit record.",
		RequirementsEN: []string{"State the people in your household, its monthly income and main assets truthfully",
			"Read and confirm the pledge, the statement of means and the authorisation to check", "Sign with your name"}},
	Proofs: {Path: Proofs, Article: "《法律援助法》第三十四条", Title: "提交经济困难证明材料",
		Explanation:  "提交能够证明本人及家庭经济困难的材料，如最低生活保障证、特困供养证明、收入证明等，法律援助机构依法审查。",
		Requirements: []string{"上传经济困难证明材料"}, NeedsProof: true,
		ExplanationEN:  "Give papers that show the hardship of you and your household, such as a subsistence-allowance card, an extreme-poverty support certificate or proof of income; the centre reviews them.",
		RequirementsEN: []string{"Upload the papers that prove hardship"}},
}

// Explain returns the rule of a path for a matter. Art. 25 criminal cases
// need no economic check at all.
func Explain(m Matter, p Path) (Rule, error) {
	if _, ok := Matters[m]; !ok && m != "" {
		return Rule{}, errs.New(errs.Invalid, "案件类型无效", "unknown matter").Field("matter", "案件类型无效", "unknown matter")
	}
	r, ok := rules[p]
	if !ok {
		return Rule{}, errs.New(errs.Invalid, "经济状况途径应为 art32_no_hardship、art42_exempt、art41_pledge 或 proof_documents",
			"unknown path").Field("path", "途径无效", "unknown path")
	}
	if m == Criminal {
		r.Explanation += " 刑事案件中属于第二十五条规定情形的（如未成年人、可能被判处无期徒刑或死刑的人），由人民法院、人民检察院、公安机关通知法律援助机构指派律师，不需要经济困难审查。"
		r.ExplanationEN += " In a criminal case under Art. 25 (a minor, someone who may be sentenced to life or death, …) the court, procuratorate or police notify the centre, which assigns a lawyer with no economic check."
	}
	return r, nil
}

// Paths lists every path's rule, in the order the form offers them.
func Paths() []Rule { return []Rule{rules[Art32], rules[Art42], rules[Art41], rules[Proofs]} }

// Standard is the provincial economic-hardship standard (Art. 34: set by
// the province and adjusted over time): a per-capita monthly income, with
// where it comes from.
type Standard struct {
	MonthlyPerCapita int    `json:"monthly_per_capita"` // yuan
	Source           string `json:"source"`
}

// Meets reports whether a household's statement meets the standard.
func (st Standard) Meets(size, income int) (bool, bool) {
	if st.MonthlyPerCapita <= 0 || size <= 0 {
		return false, false
	}
	return income <= st.MonthlyPerCapita*size, true
}
