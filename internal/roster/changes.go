package roster

import (
	"cmp"
	"slices"
	"time"
)

// ChangeKind is what publishing does to one place of the roster.
type ChangeKind string

const (
	Created    ChangeKind = "created"     // a shift where none was
	Reassigned ChangeKind = "reassigned"  // the same shift, another lawyer
	Retimed    ChangeKind = "retimed"     // unbooked, new hours: replaced
	Removed    ChangeKind = "removed"     // unbooked and no longer wanted
	KeptBooked ChangeKind = "kept_booked" // no longer wanted, but booked: kept
	Unchanged  ChangeKind = ""
)

// Classify says what publishing does to a published shift, given the
// planned one (keep false when the plan has none at its place) and the
// places booked on it. A booked shift is never removed or retimed: its
// residents keep their appointments; only its lawyer may change, and they
// are told.
func Classify(old, next Shift, keep bool, booked int) ChangeKind {
	switch {
	case !keep && booked > 0:
		return KeptBooked
	case !keep:
		return Removed
	case booked == 0 && (!old.Start.Equal(next.Start) || !old.End.Equal(next.End)):
		return Retimed
	case old.LawyerID != next.LawyerID:
		return Reassigned
	}
	return Unchanged
}

// Change is one line of what a publish would do, shown before it is done.
type Change struct {
	Kind       ChangeKind `json:"kind"`
	ShiftID    int64      `json:"shift_id,omitempty"`
	SiteID     int64      `json:"site_id"`
	Date       string     `json:"date"`
	Session    int        `json:"session"`
	Start      time.Time  `json:"starts_at"` // the new hours where it is kept
	End        time.Time  `json:"ends_at"`
	FromLawyer int64      `json:"from_lawyer_id"`
	ToLawyer   int64      `json:"to_lawyer_id"`
	Booked     int        `json:"booked"` // residents who will be told
}

// Changes compares the published shifts (with their booked places) with
// the planned ones, place by place, in date and site order.
func Changes(published []Shift, booked map[int64]int, planned []Shift) []Change {
	want := make(map[Place]Shift, len(planned))
	for _, sh := range planned {
		want[sh.PlaceOf()] = sh
	}
	out := []Change{}
	for _, old := range published {
		next, keep := want[old.PlaceOf()]
		delete(want, old.PlaceOf())
		kind := Classify(old, next, keep, booked[old.ID])
		if kind == Unchanged {
			continue
		}
		c := Change{Kind: kind, ShiftID: old.ID, SiteID: old.SiteID, Date: old.Date.String(), Session: old.Session,
			Start: old.Start, End: old.End, FromLawyer: old.LawyerID, Booked: booked[old.ID]}
		if keep && kind != KeptBooked {
			c.ToLawyer, c.Start, c.End = next.LawyerID, next.Start, next.End
		}
		if kind == KeptBooked {
			c.ToLawyer = old.LawyerID
		}
		out = append(out, c)
	}
	for _, sh := range planned {
		if _, ok := want[sh.PlaceOf()]; ok {
			out = append(out, Change{Kind: Created, SiteID: sh.SiteID, Date: sh.Date.String(), Session: sh.Session,
				Start: sh.Start, End: sh.End, ToLawyer: sh.LawyerID})
		}
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		return cmp.Or(cmp.Compare(a.Date, b.Date), cmp.Compare(a.SiteID, b.SiteID), cmp.Compare(a.Session, b.Session))
	})
	return out
}
