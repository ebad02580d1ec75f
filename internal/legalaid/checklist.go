package legalaid

// The materials an applicant brings or uploads, by path and matter. The
// Ministry of Justice's procedure rules (办理法律援助案件程序规定) ask for
// the application form, an identity document (with proof of the right to
// act, on someone's behalf: Art. 40 of the Law), the economic statement or
// its proofs (Arts. 41, 42) and the materials of the matter itself.

// material is one item, in Chinese and in English.
type material struct{ zh, en string }

var groundProofs = map[string]material{
	"martyr_relative":  {"英雄烈士证明和您与英雄烈士的亲属关系证明", "Proof of the hero or martyr and of your relationship to them"},
	"bravery":          {"见义勇为的确认材料（如有关部门的认定书）", "Confirmation of the act of bravery (e.g. the authority's finding)"},
	"retrial_acquit":   {"再审改判无罪的判决书", "The retrial judgment acquitting you"},
	"abuse_violence":   {"遭受虐待、遗弃或家庭暴力的材料（如报警记录、告诫书、人身安全保护令、伤情照片、就医记录）", "Evidence of abuse, abandonment or domestic violence (police records, a warning letter, a protection order, photos of injuries, medical records)"},
	"other_by_statute": {"能够证明属于该情形的材料", "Materials showing the case applies"},
}

var groupProofs = map[string]material{
	"minor_elderly_disabled": {"年龄或残疾证明（身份证、残疾人证），以及没有固定生活来源的说明", "Proof of age or disability (ID card, disability card) and a statement that you have no fixed income"},
	"social_assistance":      {"最低生活保障证、特困人员供养证、优抚证件或司法救助决定等证明", "A subsistence-allowance card, destitute-support card, preferential-care card or judicial-assistance decision"},
	"migrant_wages":          {"务工证明（如劳动合同、工作证、工资条、考勤记录、工友证言）", "Proof of work (contract, work pass, pay slips, attendance records, co-workers' statements)"},
	"other_by_statute":       {"能够证明所属人员类别的材料", "Materials showing the group you belong to"},
}

var pathProofs = map[Path]material{
	Art41:  {"经济状况说明和承诺书（已在网上填写签署，窗口办理时当场签署）", "The statement of means and the pledge (signed online, or at the window)"},
	Proofs: {"经济困难证明材料（如最低生活保障证、特困供养证明、收入证明）", "Proof of hardship (e.g. a subsistence-allowance card, destitute-support certificate, proof of income)"},
}

var itemProofs = map[string]material{
	"state_compensation": {"赔偿义务机关的决定书或有关法律文书", "The liable authority's decision or other legal documents"},
	"social_insurance":   {"社会保险缴费记录或社会救助申请材料", "Social-insurance contribution records or the social-assistance application"},
	"pension":            {"抚恤金有关证明材料", "Documents on the survivors' pension"},
	"support":            {"亲属关系证明（户口簿、出生证明等）和对方收入情况材料", "Proof of the family relationship (household register, birth certificate) and of the other side's income"},
	"labour_pay":         {"劳动关系和欠薪的证据（劳动合同、工资条、考勤记录、欠条等）", "Evidence of employment and unpaid wages (contract, pay slips, attendance records, IOUs)"},
	"admin_permit":       {"医院诊断证明或司法鉴定材料", "A hospital diagnosis or forensic assessment"},
	"injury":             {"事故认定书或工伤认定书、病历和医疗费票据", "The accident or work-injury finding, medical records and bills"},
	"environment":        {"损害的证据（照片、监测报告、就医记录等）", "Evidence of the harm (photos, monitoring reports, medical records)"},
}

var matterProofs = map[Matter]material{
	Criminal:          {"起诉书、判决书或拘留、逮捕通知书等案件材料", "The indictment, judgment, or detention or arrest notice"},
	LabourArbitration: {"劳动关系和争议的证据（劳动合同、工资条、考勤记录、仲裁申请书等）", "Evidence of employment and the dispute (contract, pay slips, attendance records, arbitration application)"},
	StateCompensation: {"赔偿义务机关的决定书或有关法律文书", "The liable authority's decision or other legal documents"},
}

// checklist lists the materials for an application's path and matter.
func checklist(a Application) []material {
	list := []material{{"申请人居民身份证或其他有效身份证件", "The applicant's resident ID card or other valid identity document"}}
	if a.Relation == LegalRepresentative || a.Relation == CloseRelative {
		list = append(list, material{"当事人的身份证件，以及代为申请的证明（户口簿、监护证明、亲属关系证明等）",
			"The identity document of the person applied for, and proof of the right to apply for them (household register, guardianship or relationship proof)"})
	}
	switch {
	case a.Path == Art32 && groundProofs[a.PathDetail].zh != "":
		list = append(list, groundProofs[a.PathDetail])
	case a.Path == Art42 && groupProofs[a.PathDetail].zh != "":
		list = append(list, groupProofs[a.PathDetail])
	case pathProofs[a.Path].zh != "":
		list = append(list, pathProofs[a.Path])
	}
	if p := itemProofs[a.Art31Item]; p.zh != "" {
		list = append(list, p)
	} else if p := matterProofs[a.Matter]; p.zh != "" {
		list = append(list, p)
	}
	return append(list, material{"与案件有关的其他材料（合同、票据、照片、聊天记录、对方的姓名或名称和地址）",
		"Other materials of the case (contracts, receipts, photos, chat records, the other side's name and address)"})
}

// Checklist lists the materials for an application's path and matter.
func Checklist(a Application) []string {
	return texts(checklist(a), func(m material) string { return m.zh })
}

// ChecklistEN is the same list in English, item for item.
func ChecklistEN(a Application) []string {
	return texts(checklist(a), func(m material) string { return m.en })
}

func texts(list []material, pick func(material) string) []string {
	out := make([]string, len(list))
	for i, m := range list {
		out[i] = pick(m)
	}
	return out
}
