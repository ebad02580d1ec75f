package notary

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Matters lists the catalogue, searched by name, category or material;
// all includes the retired matters (for the editor).
func (s *Service) Matters(ctx context.Context, query string, all bool) ([]Matter, error) {
	query = strings.TrimSpace(query)
	if utf8.RuneCountInString(query) > 40 {
		return nil, errs.New(errs.Invalid, "搜索词不超过40字", "the search is at most 40 characters").Field("q", "过长", "too long")
	}
	return s.Store.NotaryMatters(ctx, query, all)
}

// Check validates a catalogue entry.
func (m *Matter) Check() error {
	m.Name, m.Category, m.FeeNote = strings.TrimSpace(m.Name), strings.TrimSpace(m.Category), strings.TrimSpace(m.FeeNote)
	f := errs.Fields{}
	if n := utf8.RuneCountInString(m.Name); n == 0 || n > 60 {
		f.Add("name", "请填写事项名称（不超过60字）", "name is required (at most 60 characters)")
	}
	if n := utf8.RuneCountInString(m.Category); n == 0 || n > 40 {
		f.Add("category", "请填写类别（不超过40字）", "category is required (at most 40 characters)")
	}
	if m.Minutes < 10 || m.Minutes > 240 {
		f.Add("minutes", "办理时长应在10到240分钟之间", "minutes must be 10 to 240")
	}
	if utf8.RuneCountInString(m.FeeNote) > 200 {
		f.Add("fee_note", "收费说明不超过200字", "fee note is at most 200 characters")
	}
	if len(m.Materials) > 30 {
		f.Add("materials", "材料不超过30项", "at most 30 materials")
	}
	seen := map[string]bool{}
	for i := range m.Materials {
		name := strings.TrimSpace(m.Materials[i].Name)
		m.Materials[i].Name = name
		if n := utf8.RuneCountInString(name); n == 0 || n > 100 || seen[name] {
			f.Add("materials", "每项材料须有名称（不超过100字），且不重复", "each material needs a unique name of at most 100 characters")
		}
		seen[name] = true
	}
	return f.Err()
}

// SaveMatter creates (ID 0) or updates a catalogue entry; clerks and
// administrators edit the catalogue.
func (s *Service) SaveMatter(ctx context.Context, m *Matter) error {
	if err := m.Check(); err != nil {
		return err
	}
	err := s.Store.SaveNotaryMatter(ctx, m, s.Now())
	if errs.Is(err, errs.Conflict) {
		return errs.New(errs.Conflict, "已有同名事项", "a matter with this name exists").Field("name", "名称重复", "name taken")
	}
	if errs.Is(err, errs.NotFound) {
		return errs.New(errs.NotFound, "事项不存在", "no such matter")
	}
	return err
}

// Sessions of the office's calendar on working days.
var Sessions = [][2]string{{"09:00", "12:00"}, {"14:30", "17:30"}}

// OpenDays adds the office's slots on the working days from..to (the
// official calendar with its make-up workdays and the site's overrides),
// capacity places each (the notaries at the windows). Existing slots stay
// as they are, so opening a period twice changes nothing.
func (s *Service) OpenDays(ctx context.Context, days []calendar.Day, capacity int) (int, error) {
	if capacity < 1 || capacity > 20 {
		return 0, errs.New(errs.Invalid, "每个时段的名额应在1到20之间", "capacity must be 1 to 20").Field("capacity", "1–20", "1–20")
	}
	site, err := s.Office(ctx)
	if err != nil {
		return 0, err
	}
	var slots []Slot
	for _, d := range days {
		if !d.Working {
			continue
		}
		for _, ses := range Sessions {
			start, end := clock(d.Date, ses[0]), clock(d.Date, ses[1])
			for t := start; t.Before(end); t = t.Add(SlotMinutes * 60e9) {
				slots = append(slots, Slot{SiteID: site, Start: t, End: t.Add(SlotMinutes * 60e9), Capacity: capacity})
			}
		}
	}
	return s.Store.OpenNotarySlots(ctx, slots)
}

func clock(d calendar.Date, hhmm string) time.Time {
	h := int(hhmm[0]-'0')*10 + int(hhmm[1]-'0')
	m := int(hhmm[3]-'0')*10 + int(hhmm[4]-'0')
	return d.At(h, m)
}
