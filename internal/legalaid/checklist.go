package legalaid

// The materials an applicant brings or uploads, by path and matter. The
// Ministry of Justice's procedure rules (办理法律援助案件程序规定) ask for
// the application form, an identity document (with proof of the right to
// act, on someone's behalf: Art. 40 of the Law), the economic statement or
// its proofs (Arts. 41, 42) and the materials of the matter itself.

var groundProofs = map[string]string{
	"martyr_relative":  "英雄烈士证明和您与英雄烈士的亲属关系证明",
	"bravery":          "见义勇为的确认材料（如有关部门的认定书）",
	"retrial_acquit":   "再审改判无罪的判决书",
	"abuse_violence":   "遭受虐待、遗弃或家庭暴力的材料（如报警记录、告诫书、人身安全保护令、伤情照片、就医记录）",
	"other_by_statute": "能够证明属于该情形的材料",
}

var groupProofs = map[string]string{
	"minor_elderly_disabled": "年龄或残疾证明（身份证、残疾人证），以及没有固定生活来源的说明",
	"social_assistance":      "最低生活保障证、特困人员供养证、优抚证件或司法救助决定等证明",
	"migrant_wages":          "务工证明（如劳动合同、工作证、工资条、考勤记录、工友证言）",
	"other_by_statute":       "能够证明所属人员类别的材料",
}

var pathProofs = map[Path]string{
	Art41:  "经济状况说明和承诺书（已在网上填写签署，窗口办理时当场签署）",
	Proofs: "经济困难证明材料（如最低生活保障证、特困供养证明、收入证明）",
}

var itemProofs = map[string]string{
	"state_compensation": "赔偿义务机关的决定书或有关法律文书",
	"social_insurance":   "社会保险缴费记录或社会救助申请材料",
	"pension":            "抚恤金有关证明材料",
	"support":            "亲属关系证明（户口簿、出生证明等）和对方收入情况材料",
	"labour_pay":         "劳动关系和欠薪的证据（劳动合同、工资条、考勤记录、欠条等）",
	"admin_permit":       "医院诊断证明或司法鉴定材料",
	"injury":             "事故认定书或工伤认定书、病历和医疗费票据",
	"environment":        "损害的证据（照片、监测报告、就医记录等）",
}

var matterProofs = map[Matter]string{
	Criminal:          "起诉书、判决书或拘留、逮捕通知书等案件材料",
	LabourArbitration: "劳动关系和争议的证据（劳动合同、工资条、考勤记录、仲裁申请书等）",
	StateCompensation: "赔偿义务机关的决定书或有关法律文书",
}

// Checklist lists the materials for an application's path and matter.
func Checklist(a Application) []string {
	list := []string{"申请人居民身份证或其他有效身份证件"}
	if a.Relation == LegalRepresentative || a.Relation == CloseRelative {
		list = append(list, "当事人的身份证件，以及代为申请的证明（户口簿、监护证明、亲属关系证明等）")
	}
	switch {
	case a.Path == Art32 && groundProofs[a.PathDetail] != "":
		list = append(list, groundProofs[a.PathDetail])
	case a.Path == Art42 && groupProofs[a.PathDetail] != "":
		list = append(list, groupProofs[a.PathDetail])
	case pathProofs[a.Path] != "":
		list = append(list, pathProofs[a.Path])
	}
	if p := itemProofs[a.Art31Item]; p != "" {
		list = append(list, p)
	} else if p := matterProofs[a.Matter]; p != "" {
		list = append(list, p)
	}
	return append(list, "与案件有关的其他材料（合同、票据、照片、聊天记录、对方的姓名或名称和地址）")
}
