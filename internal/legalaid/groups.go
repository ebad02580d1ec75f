package legalaid

import (
	"context"
	"slices"
	"strings"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// The special groups a year-end report counts among legal-aid cases
// ("其中特殊群体"): the groups the Legal Aid Law names for priority and
// exemption (Arts. 25, 42, 45) and those the protection laws single out.
const (
	GroupMinor     = "minor"          // under 18 (Law on the Protection of Minors, Art. 2)
	GroupElderly   = "elderly"        // 60 and over (Law on the Elderly, Art. 2)
	GroupDisabled  = "disabled"       // Law on the Protection of Disabled Persons
	GroupWomen     = "women"          // Law on the Protection of Women's Rights and Interests
	GroupMigrant   = "migrant_worker" // 进城务工人员 (Art. 42(3))
	GroupVeteran   = "veteran"        // veterans and military families (Veterans Support Law)
	GroupLowIncome = "low_income"     // economic hardship, social assistance (Arts. 34, 42(2))
)

// Groups lists the special groups in the order forms and reports show them.
var Groups = []string{GroupMinor, GroupElderly, GroupDisabled, GroupWomen, GroupMigrant, GroupVeteran, GroupLowIncome}

// GroupNames names each group in Chinese.
var GroupNames = map[string]string{
	GroupMinor: "未成年人", GroupElderly: "老年人", GroupDisabled: "残疾人", GroupWomen: "妇女",
	GroupMigrant: "农民工", GroupVeteran: "退役军人和军属", GroupLowIncome: "低收入（经济困难）群体",
}

// EncodeGroups frames a set as ",minor,elderly," in the canonical order, so
// that SQL counts a group with LIKE '%,minor,%' on either engine.
func EncodeGroups(set []string) string {
	var kept []string
	for _, g := range Groups {
		if slices.Contains(set, g) {
			kept = append(kept, g)
		}
	}
	if len(kept) == 0 {
		return ""
	}
	return "," + strings.Join(kept, ",") + ","
}

// DecodeGroups reads a framed set.
func DecodeGroups(s string) []string {
	out := []string{}
	for _, g := range strings.Split(strings.Trim(s, ","), ",") {
		if g != "" {
			out = append(out, g)
		}
	}
	return out
}

// DeriveGroups suggests the groups the record itself shows: age and sex from
// the aided person's ID number (GB 11643: birth date in digits 7–14, the
// 17th digit even for women), the Art. 25 category, the Art. 42 group the
// applicant chose, the veteran flag, the economic-status path and the
// matter (a claim for unpaid pay: a migrant worker, for the officer to
// confirm). aidedID is the ID number of the person aided, "" if unknown.
func DeriveGroups(a Application, aidedID string, today calendar.Date) []string {
	var set []string
	add := func(g string) { set = append(set, g) }
	if born, ok := BirthDate(aidedID, today); ok {
		switch age := AgeOn(born, today); {
		case age < 18:
			add(GroupMinor)
		case age >= 60:
			add(GroupElderly)
		}
		if (aidedID[16]-'0')%2 == 0 {
			add(GroupWomen)
		}
	}
	switch a.CriminalCategory {
	case "minor":
		add(GroupMinor)
	case "disabled":
		add(GroupDisabled)
	}
	switch a.PathDetail {
	case "migrant_wages":
		add(GroupMigrant)
	case "social_assistance":
		add(GroupLowIncome)
	case "minor_elderly_disabled":
		if !slices.Contains(set, GroupMinor) && !slices.Contains(set, GroupElderly) {
			add(GroupDisabled)
		}
	}
	if a.Path == Art41 || a.Path == Proofs {
		add(GroupLowIncome)
	}
	if a.Art31Item == "labour_pay" || a.Matter == LabourArbitration {
		add(GroupMigrant)
	}
	if a.Veteran {
		add(GroupVeteran)
	}
	return DecodeGroups(EncodeGroups(set))
}

// aidedIDOf is the ID number of the person aided: the applicant's own on an
// application for themselves, else the aided person's if given.
func aidedIDOf(a Application, applicantID, aidedID string) string {
	if a.Relation == Self {
		return applicantID
	}
	return aidedID
}

// ConfirmGroups is the officer's word on an application's special groups,
// replacing the derived suggestion. The change is an event on the case's
// history with the old and new sets in its staff note (audited).
func (s *Service) ConfirmGroups(ctx context.Context, v Viewer, id int64, groups []string) (Application, error) {
	if !v.officer() {
		return Application{}, errNoApp
	}
	for _, g := range groups {
		if _, ok := GroupNames[g]; !ok {
			return Application{}, errs.New(errs.Invalid, "特殊群体类别无效", "unknown special group").
				Field("groups", "特殊群体类别无效："+g, "unknown group: "+g)
		}
	}
	now := s.Now().UTC()
	a, err := s.Store.Act(ctx, id, func(a *Application) (Event, *Objection, error) {
		old := a.SpecialGroups
		a.SpecialGroups, a.GroupsConfirmedBy, a.GroupsConfirmedAt, a.UpdatedAt = EncodeGroups(groups), &v.ID, &now, now
		return Event{Actor: v.ID, ActorRole: string(Officer), From: a.Status, To: a.Status, Action: "special_groups",
			Reason: "工作人员确认特殊群体", StaffNote: "原：" + names(old) + "；现：" + names(a.SpecialGroups), At: now}, nil, nil
	})
	if errs.Is(err, errs.NotFound) {
		return Application{}, errNoApp
	}
	if err != nil {
		return Application{}, err
	}
	return s.reveal(a, v)
}

func names(framed string) string {
	var out []string
	for _, g := range DecodeGroups(framed) {
		out = append(out, GroupNames[g])
	}
	if len(out) == 0 {
		return "无"
	}
	return strings.Join(out, "、")
}
