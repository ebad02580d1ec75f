// Package notary is the notary office (公证处): the matter catalogue with its
// materials checklists, visits at the office over consecutive slots of the
// office's own calendar (one or several matters: a package), the materials
// pre-check that lets a resident come once (最多跑一次), home visits
// (上门服务) and the green channel. It holds rules and the small Store it
// needs; SQL, Redis and HTTP live elsewhere.
package notary

import (
	"database/sql/driver"
	"encoding/json"
	"errors"
	"time"
)

// Material is one document a matter needs.
type Material struct {
	Name string `json:"name"`
	// Later: the matter may be accepted without it and it is supplied
	// afterwards (容缺受理); it never blocks "ready".
	Later bool `json:"later"`
}

// Matter is one entry of the catalogue.
type Matter struct {
	ID        int64     `json:"id" db:"id"`
	Name      string    `json:"name" db:"name"`
	Category  string    `json:"category" db:"category"`
	Materials Materials `json:"materials" db:"materials"`
	// InPersonOnly: the party must appear personally and cannot send an
	// agent (Notary Law Art. 26: wills, proof of life, adoption).
	InPersonOnly bool   `json:"in_person_only" db:"in_person_only"`
	Minutes      int    `json:"minutes" db:"minutes"`
	FeeNote      string `json:"fee_note" db:"fee_note"`
	HomeVisit    bool   `json:"home_visit" db:"home_visit"`
	Active       bool   `json:"active" db:"active"`
}

// Slot is a period of the notary office's calendar.
type Slot struct {
	ID        int64     `json:"id" db:"id"`
	SiteID    int64     `json:"site_id" db:"site_id"`
	Start     time.Time `json:"starts_at" db:"starts_at"`
	End       time.Time `json:"ends_at" db:"ends_at"`
	Capacity  int       `json:"capacity" db:"capacity"`
	Booked    int       `json:"-" db:"booked"`
	Remaining int       `json:"remaining" db:"-"`
}

// Kind is where a visit happens.
type Kind string

const (
	Office Kind = "office"
	Home   Kind = "home" // 上门服务
)

// Status is where a visit stands: booked → checked (materials checked) →
// done, or cancelled / no-show; a home visit starts as requested.
type Status string

const (
	Requested Status = "requested"
	Booked    Status = "booked"
	Checked   Status = "checked"
	Done      Status = "done"
	Cancelled Status = "cancelled"
	NoShow    Status = "no_show"
)

// Materials states of a visit's pre-check.
const (
	MaterialsPending  = "pending"
	MaterialsMissing  = "missing"
	MaterialsComplete = "complete"
)

// Party is a person the visit is for, or their agent.
type Party struct {
	Name  string `json:"name"`
	Agent bool   `json:"agent"` // acts for a party, with a power of attorney
}

// Visit is a booking at the office (or at home) for one or more matters.
type Visit struct {
	ID             int64      `json:"id" db:"id"`
	Code           string     `json:"code" db:"code"`
	Kind           Kind       `json:"kind" db:"kind"`
	SiteID         int64      `json:"site_id" db:"site_id"`
	SiteName       string     `json:"site_name" db:"site_name"`
	ResidentID     int64      `json:"-" db:"resident_id"`
	ResidentName   string     `json:"resident_name,omitempty" db:"resident_name"`
	Status         Status     `json:"status" db:"status"`
	MatterIDs      IDs        `json:"matter_ids" db:"matter_ids"`
	Parties        Parties    `json:"parties" db:"parties"`
	IDSealed       string     `json:"-" db:"id_sealed"`
	IDIndex        string     `json:"-" db:"id_index"`
	IDNumber       string     `json:"id_number,omitempty" db:"-"` // masked
	Priority       bool       `json:"priority" db:"priority"`
	PriorityReason string     `json:"priority_reason" db:"priority_reason"`
	FeeReduced     bool       `json:"fee_reduced" db:"fee_reduced"`
	MaterialsState string     `json:"materials_state" db:"materials_state"`
	Missing        Names      `json:"missing" db:"missing"`
	CheckedAt      *time.Time `json:"checked_at,omitempty" db:"checked_at"`
	CertificateNo  string     `json:"certificate_no,omitempty" db:"certificate_no"`
	FeeCharged     int        `json:"fee_charged" db:"fee_charged"`
	FeeWaived      bool       `json:"fee_waived" db:"fee_waived"`
	Address        string     `json:"address,omitempty" db:"address"`
	Reason         string     `json:"reason,omitempty" db:"reason"`
	PreferredDates string     `json:"preferred_dates,omitempty" db:"preferred_dates"`
	NotaryName     string     `json:"notary_name,omitempty" db:"notary_name"`
	CancelReason   string     `json:"cancel_reason,omitempty" db:"cancel_reason"`
	Start          *time.Time `json:"starts_at" db:"starts_at"`
	End            *time.Time `json:"ends_at" db:"ends_at"`
	CreatedAt      time.Time  `json:"created_at" db:"created_at"`
	// Filled by the service for the viewer.
	Matters   []Matter `json:"matters" db:"-"`
	Checklist []Item   `json:"checklist" db:"-"`
	Ready     bool     `json:"ready" db:"-"`
}

// Upload is a file supplied for a checklist item.
type Upload struct {
	ID         int64     `json:"id" db:"id"`
	VisitID    int64     `json:"visit_id" db:"visit_id"`
	Item       string    `json:"item" db:"item"`
	Name       string    `json:"name" db:"name"`
	Type       string    `json:"type" db:"type"`
	Size       int64     `json:"size" db:"size"`
	Stored     string    `json:"-" db:"stored"`
	UploadedBy int64     `json:"-" db:"uploaded_by"`
	CreatedAt  time.Time `json:"created_at" db:"created_at"`
}

// The JSON-text columns: lists read and written whole with their row.
type (
	Materials []Material
	IDs       []int64
	Parties   []Party
	Names     []string
)

func scanJSON(src any, dst any) error {
	switch v := src.(type) {
	case string:
		return json.Unmarshal([]byte(v), dst)
	case []byte:
		return json.Unmarshal(v, dst)
	case nil:
		return nil
	}
	return errors.New("notary: unexpected column type")
}

func valueJSON(v any) (driver.Value, error) {
	b, err := json.Marshal(v)
	return string(b), err
}

func (m *Materials) Scan(src any) error { return scanJSON(src, m) }
func (m Materials) Value() (driver.Value, error) {
	if m == nil {
		m = Materials{}
	}
	return valueJSON([]Material(m))
}
func (m *IDs) Scan(src any) error { return scanJSON(src, m) }
func (m IDs) Value() (driver.Value, error) {
	if m == nil {
		m = IDs{}
	}
	return valueJSON([]int64(m))
}
func (m *Parties) Scan(src any) error { return scanJSON(src, m) }
func (m Parties) Value() (driver.Value, error) {
	if m == nil {
		m = Parties{}
	}
	return valueJSON([]Party(m))
}
func (m *Names) Scan(src any) error { return scanJSON(src, m) }
func (m Names) Value() (driver.Value, error) {
	if m == nil {
		m = Names{}
	}
	return valueJSON([]string(m))
}
