package demo

import "github.com/legaldesk/legaldesk/internal/notary"

// m builds a material list: names ending in "*" may be supplied later
// (容缺受理).
func m(names ...string) notary.Materials {
	out := make(notary.Materials, len(names))
	for i, n := range names {
		if later := len(n) > 1 && n[len(n)-1] == '*'; later {
			n = n[:len(n)-1]
			out[i].Later = true
		}
		out[i].Name = n
	}
	return out
}

// NotaryMatters is the common matters of a county notary office. The
// in-person-only ones follow Notary Law Art. 26 (wills, proof of life,
// adoption); fees follow the province's notary fee schedule and are only
// notes here.
func NotaryMatters() []notary.Matter {
	const id, hukou = "身份证", "户口簿"
	return []notary.Matter{
		{Name: "继承公证", Category: "家庭", Minutes: 60, HomeVisit: true, FeeNote: "按遗产价值分段累进收费",
			Materials: m(id, hukou, "被继承人死亡证明", "亲属关系证明*", "遗产权属证明（房产证、存款凭证等）")},
		{Name: "遗嘱公证", Category: "家庭", Minutes: 60, InPersonOnly: true, HomeVisit: true, FeeNote: "每件300元",
			Materials: m(id, hukou, "遗嘱涉及财产的权属证明", "遗嘱草稿*")},
		{Name: "委托公证", Category: "民事", Minutes: 30, HomeVisit: true, FeeNote: "每件200元",
			Materials: m(id, "受托人身份证复印件", "委托事项相关材料*")},
		{Name: "声明公证", Category: "民事", Minutes: 30, HomeVisit: true, FeeNote: "每件200元",
			Materials: m(id, "声明事项相关材料*")},
		{Name: "赠与公证", Category: "家庭", Minutes: 45, FeeNote: "按赠与财产价值收费",
			Materials: m(id, hukou, "赠与财产权属证明", "受赠人身份证明")},
		{Name: "亲属关系公证", Category: "涉外及证明", Minutes: 20, FeeNote: "每件80元",
			Materials: m(id, hukou, "亲属关系证明材料", "照片*")},
		{Name: "出生公证", Category: "涉外及证明", Minutes: 20, FeeNote: "每件80元",
			Materials: m(id, hukou, "出生医学证明", "照片*")},
		{Name: "婚姻状况公证", Category: "涉外及证明", Minutes: 20, FeeNote: "每件80元",
			Materials: m(id, hukou, "结婚证或离婚证", "婚姻登记档案证明*")},
		{Name: "无犯罪记录公证", Category: "涉外及证明", Minutes: 20, FeeNote: "每件80元",
			Materials: m(id, "公安机关出具的无犯罪记录证明")},
		{Name: "学历学位公证", Category: "涉外及证明", Minutes: 20, FeeNote: "每件80元",
			Materials: m(id, "毕业证书", "学位证书*")},
		{Name: "合同公证", Category: "经济", Minutes: 45, FeeNote: "按合同标的额收费",
			Materials: m(id, "合同文本", "营业执照（企业一方）*", "标的物权属证明")},
		{Name: "保全证据公证", Category: "经济", Minutes: 60, HomeVisit: true, FeeNote: "按工作量收费",
			Materials: m(id, "证据相关情况说明", "权利证明*")},
		{Name: "公司文件公证", Category: "经济", Minutes: 30, FeeNote: "每件200元",
			Materials: m("营业执照", "法定代表人身份证", "公司章程或决议文件", "授权委托书*")},
		{Name: "生存证明公证", Category: "涉外及证明", Minutes: 20, InPersonOnly: true, HomeVisit: true, FeeNote: "每件80元",
			Materials: m(id, "养老金领取相关材料*")},
		{Name: "收养公证", Category: "家庭", Minutes: 60, InPersonOnly: true, FeeNote: "每件200元",
			Materials: m(id, hukou, "收养登记证", "被收养人出生证明")},
	}
}
