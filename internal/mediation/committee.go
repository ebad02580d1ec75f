package mediation

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// CommitteeForm is a committee as the bureau gives it; on a change, a
// field left out keeps its value.
type CommitteeForm struct {
	Name     *string `json:"name"`
	Kind     *string `json:"kind"`
	Township *string `json:"township"`
	SiteID   *int64  `json:"site_id"`
	Active   *bool   `json:"active"`
}

func (f CommitteeForm) onto(c Committee) Committee {
	if f.Name != nil {
		c.Name = *f.Name
	}
	if f.Kind != nil {
		c.Kind = *f.Kind
	}
	if f.Township != nil {
		c.Township = *f.Township
	}
	if f.SiteID != nil {
		c.SiteID = f.SiteID
	}
	if f.Active != nil {
		c.Active = *f.Active
	}
	return c
}

var errNoCommittee = errs.New(errs.NotFound, "调解委员会不存在", "no such committee")

// SaveCommittee registers a committee (id 0) or changes one, as the
// justice bureau, which guides the committees (Art. 5). A village or
// township committee names its township; committees are retired
// (inactive), never deleted, so past disputes keep their committee.
func (s *Service) SaveCommittee(ctx context.Context, v Viewer, id int64, form CommitteeForm) (Committee, error) {
	if v.Role != "admin" {
		return Committee{}, errs.New(errs.Forbidden, "仅司法局可以管理调解组织", "the justice bureau only")
	}
	c := Committee{Active: true}
	if id != 0 {
		old, err := s.Store.MediationCommittee(ctx, id)
		if errs.Is(err, errs.NotFound) {
			return Committee{}, errNoCommittee
		}
		if err != nil {
			return Committee{}, err
		}
		c = old
	}
	c = form.onto(c)
	c.Name, c.Township = strings.TrimSpace(c.Name), strings.TrimSpace(c.Township)
	f := errs.Fields{}
	if n := utf8.RuneCountInString(c.Name); n < 4 || n > 80 {
		f.Add("name", "请填写调解委员会名称（4至80字）", "the committee's name (4 to 80 characters)")
	}
	if !slices.Contains(CommitteeKinds, c.Kind) {
		f.Add("kind", "类型应为村（居）、乡镇（街道）或行业性专业调解委员会", "village, township or trade")
	}
	if c.Kind != "trade" && c.Township == "" {
		f.Add("township", "请选择所在乡镇（街道）", "choose the township")
	}
	if err := f.Err(); err != nil {
		return Committee{}, err
	}
	if c.Township != "" {
		if ok, err := s.Store.KnownTownship(ctx, c.Township); err != nil || !ok {
			if err != nil {
				return Committee{}, err
			}
			return Committee{}, errs.New(errs.Invalid, "未知的乡镇（街道）", "unknown township").Field("township", "请选择乡镇（街道）", "choose a township")
		}
	}
	if id == 0 {
		c.Active = true
		return c, s.Store.AddMediationCommittee(ctx, &c, v.ID)
	}
	return c, s.Store.UpdateMediationCommittee(ctx, c, v.ID)
}
