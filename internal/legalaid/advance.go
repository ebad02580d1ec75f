package legalaid

import (
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Art44Grounds are when the centre may give aid first, before the
// materials and the formal decision (Art. 44).
var Art44Grounds = map[string]string{
	"limitation":       "（一）距法定时效或者期限届满不足七日，需要及时提起诉讼或者申请仲裁、行政复议",
	"preservation":     "（二）需要立即申请财产保全、证据保全或者先予执行",
	"other_by_statute": "（三）法律、法规、规章规定的其他情形",
}

// AdvancePending reports a case given aid first (Art. 44) whose formal
// decision has not been made yet: the materials and the decision follow.
func (a Application) AdvancePending() bool {
	return a.AdvanceGround != "" && a.DecidedAt == nil
}

// grantAdvance gives aid first: a lawyer is assigned at once, the
// application stays to be decided formally (its review clock keeps running)
// and any materials notice stays open.
func grantAdvance(a *Application, act Action, now time.Time) error {
	f := errs.Fields{}
	if _, ok := Art44Grounds[act.Ground]; !ok {
		f.Add("ground", "请选择第四十四条规定的情形", "choose an Art. 44 ground")
	}
	if act.Ground == "other_by_statute" && !length(act.Reason, 5, MaxReason) {
		f.Add("reason", "属于其他情形的，请写明依据和理由（至少5字）", "name the law and the reasons")
	}
	if act.LawyerID == 0 {
		f.Add("lawyer_id", "先行提供法律援助须同时指派律师", "advance aid assigns a lawyer at once")
	}
	if err := f.Err(); err != nil {
		return err
	}
	t, id := now.UTC(), act.LawyerID
	a.AdvanceGround, a.AdvanceReason, a.AdvanceAt = act.Ground, strings.TrimSpace(act.Reason), &t
	a.LawyerID, a.ConflictOverride = &id, strings.TrimSpace(act.Override)
	return nil
}

// Formalities lists what an advance-aid case still waits for.
func (a Application) Formalities() []string {
	if !a.AdvancePending() {
		return nil
	}
	var out []string
	if a.MissingMaterials != "" && a.MaterialsReceivedAt == nil {
		out = append(out, "materials")
	}
	return append(out, "decision")
}
