package stats

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/pii"
)

// CaseRow is a legal-aid case as the period's list shows it; numbers sealed.
type CaseRow struct {
	Code          string     `db:"code"`
	ReceivedAt    time.Time  `db:"created_at"`
	Township      string     `db:"township"`
	Name          string     `db:"name"`
	IDSealed      string     `db:"id_sealed"`
	PhoneSealed   string     `db:"phone_sealed"`
	Matter        string     `db:"matter"`
	Origin        string     `db:"origin"`
	Status        string     `db:"status"`
	SpecialGroups string     `db:"special_groups"`
	Confirmed     bool       `db:"confirmed"`
	DecidedAt     *time.Time `db:"decided_at"`
	Demo          bool       `db:"demo"`
}

// DisputeRow is a dispute as the period's list shows it: no party data.
type DisputeRow struct {
	Number     string     `db:"number"`
	Type       string     `db:"type"`
	Township   string     `db:"township"`
	Status     string     `db:"status"`
	AcceptedAt time.Time  `db:"accepted_at"`
	ClosedAt   *time.Time `db:"closed_at"`
	Demo       bool       `db:"demo"`
}

// Table is an export: a title, headers and rows of text.
type Table struct {
	Title   string
	Headers []string
	Rows    [][]string
}

// Export lists.
const (
	ListSummary  = "summary"
	ListLegalAid = "legal_aid"
	ListDisputes = "disputes"
)

// MaxRows caps a row-level export.
const MaxRows = 50000

// Export builds a table of the period for a list; every export is audited
// with its list, period and row count (PIPL: who read what).
func (s *Service) Export(ctx context.Context, v Viewer, list string, p Period) (Table, error) {
	if !v.allowed() || (list == ListDisputes && !v.all()) {
		return Table{}, ErrForbidden
	}
	var (
		t   Table
		err error
	)
	switch list {
	case ListSummary, "":
		list = ListSummary
		var sum Summary
		if sum, err = s.Summary(ctx, v, p); err == nil {
			t = summaryTable(sum)
		}
	case ListLegalAid:
		t, err = s.caseTable(ctx, p)
	case ListDisputes:
		t, err = s.disputeTable(ctx, p)
	default:
		return Table{}, errs.New(errs.Invalid, "导出清单无效", "unknown list").Field("list", "应为 summary、legal_aid 或 disputes", "summary, legal_aid or disputes")
	}
	if err != nil {
		return Table{}, err
	}
	detail := fmt.Sprintf("list=%s from=%s to=%s township=%s rows=%d", list, p.From, p.To, p.Township, len(t.Rows))
	return t, s.Store.AuditReadDetail(ctx, v.ID, "stats_export", 0, detail)
}

func summaryTable(sum Summary) Table {
	t := Table{Title: "统计汇总 " + sum.Period.From.String() + "—" + sum.Period.To.String(),
		Headers: []string{"指标", "Figure", "数值", "单位", "口径", "Definition"}}
	for _, f := range Figures(sum) {
		val := ""
		if f.Value != nil {
			val = strconv.FormatFloat(*f.Value, 'f', -1, 64)
		}
		t.Rows = append(t.Rows, []string{f.Label, f.LabelEn, val, f.Unit, f.Definition, f.DefinitionEn})
	}
	if sum.IncludesDemo {
		t.Rows = append(t.Rows, []string{"注：含演示数据", "Note: includes demo data", "", "", "", ""})
	}
	return t
}

func (s *Service) caseTable(ctx context.Context, p Period) (Table, error) {
	rows, err := s.Store.LegalAidRows(ctx, p.Bounds(), MaxRows)
	if err != nil {
		return Table{}, err
	}
	t := Table{Title: "法律援助案件 " + p.From.String() + "—" + p.To.String(),
		Headers: []string{"案件编号", "收到日期", "乡镇", "申请人", "身份证号", "电话", "案件类型", "来源", "状态", "特殊群体", "已确认", "决定日期", "演示数据"}}
	for _, r := range rows {
		id, err := s.Box.Open(r.IDSealed)
		if err != nil {
			return Table{}, fmt.Errorf("case %s: id number: %w", r.Code, err)
		}
		phone, err := s.Box.Open(r.PhoneSealed)
		if err != nil {
			return Table{}, fmt.Errorf("case %s: phone: %w", r.Code, err)
		}
		t.Rows = append(t.Rows, []string{r.Code, day(&r.ReceivedAt), r.Township, MaskName(r.Name), pii.MaskIDNumber(id),
			pii.MaskPhone(phone), r.Matter, r.Origin, r.Status, groupNames(r.SpecialGroups), yes(r.Confirmed), day(r.DecidedAt), yes(r.Demo)})
	}
	return t, nil
}

func (s *Service) disputeTable(ctx context.Context, p Period) (Table, error) {
	rows, err := s.Store.DisputeRows(ctx, p.Bounds(), MaxRows)
	if err != nil {
		return Table{}, err
	}
	t := Table{Title: "矛盾纠纷 " + p.From.String() + "—" + p.To.String(),
		Headers: []string{"纠纷编号", "类型", "乡镇", "状态", "受理日期", "结案日期", "演示数据"}}
	for _, r := range rows {
		t.Rows = append(t.Rows, []string{r.Number, r.Type, r.Township, r.Status, day(&r.AcceptedAt), day(r.ClosedAt), yes(r.Demo)})
	}
	return t, nil
}

func day(t *time.Time) string {
	if t == nil {
		return ""
	}
	return calendar.DateOf(*t).String()
}

func yes(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func groupNames(framed string) string {
	var out []string
	for _, g := range strings.Split(strings.Trim(framed, ","), ",") {
		if name, ok := GroupNames[g]; ok {
			out = append(out, name[0])
		}
	}
	return strings.Join(out, "、")
}

// MaskName keeps a name's first character (the family name, usually) and
// stars the rest: 张三丰 → 张**.
func MaskName(name string) string {
	r := []rune(strings.TrimSpace(name))
	if len(r) <= 1 {
		return string(r)
	}
	return string(r[0]) + strings.Repeat("*", len(r)-1)
}
