package demo

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/pii"
	"github.com/legaldesk/legaldesk/internal/store"
)

// HistoryYear is the past year the demo history fills (China time).
const HistoryYear = 2025

// world is what the history draws on: the seeded sites, lawyers, residents
// and the legal-aid officer.
type world struct {
	centre, notary int64
	stations       []network.Site
	lawyers        []int64
	residents      []int64
	officer        int64
	assignments    []advisor.Assignment
	box            *pii.Box
}

// History writes a plausible past year of activity on top of the seeded
// network, every row marked demo: about 2,000 consultation bookings at the
// centre and every station, walk-ins, about 550 legal-aid cases (about 490
// for special groups), about 370 notary matters done, and the village
// advisors' logs. Disputes are the mediation demo's. One transaction.
func History(ctx context.Context, st *store.Store, box *pii.Box) error {
	w, err := loadWorld(ctx, st, box)
	if err != nil {
		return err
	}
	return st.WriteHistory(ctx, func(h *store.History) error {
		for _, step := range []func(*store.History) error{w.consultations, w.cases, w.notaryVisits, w.advisorLogs} {
			if err := step(h); err != nil {
				return err
			}
		}
		return nil
	})
}

func loadWorld(ctx context.Context, st *store.Store, box *pii.Box) (*world, error) {
	w := &world{box: box}
	sites, err := st.Sites(ctx, network.Filter{Limit: 5000})
	if err != nil {
		return nil, err
	}
	for _, s := range sites {
		switch s.Tier {
		case network.Center:
			w.centre = s.ID
		case network.Notary:
			w.notary = s.ID
		case network.Station:
			w.stations = append(w.stations, s)
		}
	}
	lawyers, err := st.Lawyers(ctx)
	if err != nil {
		return nil, err
	}
	for id := range lawyers {
		w.lawyers = append(w.lawyers, id)
	}
	slices.Sort(w.lawyers)
	for i := 1; i <= 10; i++ {
		u, err := st.UserByPhoneIndex(ctx, box.Index("phone", fmt.Sprintf("138%08d", i)))
		if err != nil {
			return nil, fmt.Errorf("demo resident %d: %w", i, err)
		}
		w.residents = append(w.residents, u.ID)
	}
	officer, err := st.UserByPhoneIndex(ctx, box.Index("phone", "13900000002"))
	if err != nil {
		return nil, fmt.Errorf("demo officer: %w", err)
	}
	w.officer = officer.ID
	if w.assignments, err = st.Assignments(ctx, advisor.Filter{}); err != nil {
		return nil, err
	}
	if w.centre == 0 || w.notary == 0 || len(w.stations) == 0 || len(w.lawyers) == 0 {
		return nil, fmt.Errorf("demo history: the network is not seeded")
	}
	return w, nil
}

// days calls fn for every day of the history year with its index.
func days(fn func(i int, d calendar.Date) error) error {
	d, i := calendar.NewDate(HistoryYear, 1, 1), 0
	for d.Year() == HistoryYear {
		if err := fn(i, d); err != nil {
			return err
		}
		d, i = d.AddDays(1), i+1
	}
	return nil
}

func weekday(d calendar.Date) bool { return d.Weekday() != time.Saturday && d.Weekday() != time.Sunday }

// consultations: three bookings a workday at the centre, two each Wednesday
// at every station, walk-ins besides; most attended, some no-shows and
// cancellations, ratings mostly good.
func (w *world) consultations(h *store.History) error {
	n := 0
	book := func(site int64, at time.Time) error {
		n++
		status := "attended"
		switch {
		case n%10 == 3:
			status = "no_show"
		case n%10 == 7:
			status = "cancelled"
		}
		rating := 0
		if status == "attended" && n%5 < 3 {
			rating = []int{5, 5, 4, 5, 3, 4, 5}[n%7]
		}
		return h.Booking(store.PastBooking{SiteID: site, LawyerID: w.lawyers[n%len(w.lawyers)], ResidentID: w.residents[n%len(w.residents)],
			StartsAt: at, Status: status, Rating: rating, Demo: true})
	}
	return days(func(i int, d calendar.Date) error {
		if !weekday(d) {
			return nil
		}
		for k := range 3 {
			if err := book(w.centre, d.At(9+2*k, 0)); err != nil {
				return err
			}
		}
		if i%2 == 0 {
			if err := h.WalkIn(w.centre, w.lawyers[i%len(w.lawyers)], d.At(15, 10), true); err != nil {
				return err
			}
		}
		if d.Weekday() != time.Wednesday {
			return nil
		}
		for j, s := range w.stations {
			for k := range 2 {
				if err := book(s.ID, d.At(9, 30*k)); err != nil {
					return err
				}
			}
			if (i+j)%3 == 0 {
				if err := h.WalkIn(s.ID, w.lawyers[(i+j)%len(w.lawyers)], d.At(10, 40), true); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
