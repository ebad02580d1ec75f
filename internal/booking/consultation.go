package booking

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// Categories of legal questions, as the statistics count them.
var Categories = []string{"婚姻家庭", "继承", "劳动争议", "合同纠纷", "民间借贷", "土地承包", "房屋宅基地", "交通事故",
	"人身损害", "消费者权益", "行政事务", "刑事", "其他"}

// Outcomes of a consultation; the referrals carry the resident forward.
var Outcomes = []string{"answered", "legal_aid", "notary", "mediation", "litigation_advice"}

// Consultation is a lawyer's record of one consultation, booked or walk-in.
type Consultation struct {
	ID         int64     `json:"id" db:"id"`
	BookingID  *int64    `json:"booking_id" db:"booking_id"`
	SiteID     int64     `json:"site_id" db:"site_id"`
	LawyerID   int64     `json:"lawyer_id" db:"lawyer_id"`
	ResidentID *int64    `json:"-" db:"resident_id"`
	WalkIn     bool      `json:"walk_in" db:"walk_in"`
	Visitor    string    `json:"visitor" db:"visitor"` // a walk-in's name as given
	Category   string    `json:"category" db:"category"`
	Summary    string    `json:"summary" db:"summary"`
	Outcome    string    `json:"outcome" db:"outcome"`
	Referral   string    `json:"referral" db:"referral"` // legal_aid, notary or mediation
	CreatedAt  time.Time `json:"created_at" db:"created_at"`
}

func (c *Consultation) check() error {
	f := errs.Fields{}
	c.Summary, c.Visitor = strings.TrimSpace(c.Summary), strings.TrimSpace(c.Visitor)
	if !slices.Contains(Categories, c.Category) {
		f.Add("category", "请选择咨询类别", "choose a category")
	}
	if n := utf8.RuneCountInString(c.Summary); n == 0 || n > 2000 {
		f.Add("summary", "请填写咨询摘要（不超过2000字）", "a summary is required (at most 2000 characters)")
	}
	if !slices.Contains(Outcomes, c.Outcome) {
		f.Add("outcome", "处理结果应为 answered、legal_aid、notary、mediation 或 litigation_advice", "unknown outcome")
	}
	if utf8.RuneCountInString(c.Visitor) > 50 {
		f.Add("visitor", "姓名不超过50字", "at most 50 characters")
	}
	if c.BookingID == nil && c.SiteID == 0 {
		f.Add("site_id", "现场来访请选择站点", "a walk-in needs the site")
	}
	switch c.Outcome {
	case "legal_aid", "notary", "mediation":
		c.Referral = c.Outcome
	}
	return f.Err()
}

// openBefore is how long before its start a booked consultation's
// attendance and record may be entered: the lawyer is at the desk and the
// resident may come early, but a consultation days away has not happened.
const openBefore = 30 * time.Minute

// Attendance marks a booking attended or no-show, by the lawyer on duty
// (or an administrator), from half an hour before its start.
func (s *Service) Attendance(ctx context.Context, v Viewer, id int64, status Status) (Booking, error) {
	if status != Attended && status != NoShow {
		return Booking{}, errs.New(errs.Invalid, "状态应为 attended 或 no_show", "status must be attended or no_show").
			Field("status", "应为 attended 或 no_show", "attended or no_show")
	}
	if v.Role == AsResident {
		return Booking{}, errs.New(errs.Forbidden, "到场情况由值班律师登记", "the lawyer on duty records attendance")
	}
	b, err := s.Get(ctx, v, id)
	if err != nil {
		return Booking{}, err
	}
	if b.Start.Sub(s.Now()) > openBefore {
		return Booking{}, errs.New(errs.Invalid, "咨询开始前半小时起才能登记到场情况", "attendance is recorded from half an hour before the start")
	}
	if err := s.Store.SetAttendance(ctx, id, status, s.Now()); err != nil {
		return Booking{}, err
	}
	return s.Store.Booking(ctx, id)
}

// Record stores a consultation: for a booking on the lawyer's shift, or a
// walk-in at a site where the lawyer is on duty today.
func (s *Service) Record(ctx context.Context, lawyerID int64, c Consultation) (Consultation, error) {
	c.LawyerID, c.CreatedAt = lawyerID, s.Now().UTC()
	if err := c.check(); err != nil {
		return Consultation{}, err
	}
	if c.BookingID != nil {
		b, err := s.Get(ctx, Viewer{ID: lawyerID, Role: AsLawyer}, *c.BookingID)
		if err != nil {
			return Consultation{}, err
		}
		if err := recordable(b, s.Now()); err != nil {
			return Consultation{}, err
		}
		c.SiteID, c.ResidentID, c.WalkIn = b.SiteID, &b.ResidentID, false
	} else {
		on, err := s.Store.LawyerOnDuty(ctx, lawyerID, c.SiteID, calendar.DateOf(s.Now()).String())
		if err != nil {
			return Consultation{}, err
		}
		if !on {
			return Consultation{}, errs.New(errs.Forbidden, "您今天不在该站点值班", "you are not on duty at that site today").
				Field("site_id", "今天不在此值班", "not on duty here today")
		}
		c.WalkIn = true
	}
	if err := s.Store.Record(ctx, &c); err != nil {
		return Consultation{}, err
	}
	return c, nil
}

// recordable says whether a booking takes a consultation record now: one
// that is kept (confirmed, or marked attended), from half an hour before
// its start. A record marks the booking attended and opens the resident's
// rating, so a record written early, or for a booking cancelled or missed,
// would tell of a consultation that never took place.
func recordable(b Booking, now time.Time) error {
	switch {
	case b.Status != Confirmed && b.Status != Attended:
		return errs.New(errs.Conflict, "该预约已取消或登记为未到场，不能填写咨询记录", "this booking was cancelled or marked a no-show: it takes no record")
	case b.Start.Sub(now) > openBefore:
		return errs.New(errs.Invalid, "咨询开始前半小时起才能填写咨询记录", "a record can be written from half an hour before the start")
	}
	return nil
}

// Rate records a resident's 1–5 rating of an attended consultation, once.
func (s *Service) Rate(ctx context.Context, residentID, bookingID int64, score int, comment string) error {
	if score < 1 || score > 5 {
		return errs.New(errs.Invalid, "评分应为 1 到 5", "the score is 1 to 5").Field("score", "1 到 5", "1 to 5")
	}
	if utf8.RuneCountInString(comment) > 500 {
		return errs.New(errs.Invalid, "评价不超过500字", "at most 500 characters").Field("comment", "过长", "too long")
	}
	b, err := s.Get(ctx, Viewer{ID: residentID, Role: AsResident}, bookingID)
	if err != nil {
		return err
	}
	if b.Status != Attended {
		return errs.New(errs.Conflict, "咨询结束后才能评价", "rate after the consultation")
	}
	return s.Store.Rate(ctx, bookingID, score, strings.TrimSpace(comment), s.Now())
}

// Referral is a consultation that sent a resident on to another service.
type Referral struct {
	ID        int64     `db:"id" json:"id"`
	Referral  string    `db:"referral" json:"referral"`
	Category  string    `db:"category" json:"category"`
	Summary   string    `db:"summary" json:"summary"`
	SiteName  string    `db:"site_name" json:"site_name"`
	CreatedAt time.Time `db:"created_at" json:"created_at"`
}

// Waiting is a resident waiting for a place at a site on a day.
type Waiting struct {
	ID         int64  `json:"id" db:"id"`
	SiteID     int64  `json:"site_id" db:"site_id"`
	Date       string `json:"date" db:"date"`
	ResidentID int64  `json:"-" db:"resident_id"`
	Status     string `json:"status" db:"status"`
}

// Join puts a resident on the waitlist of a site and day.
func (s *Service) Join(ctx context.Context, residentID, siteID int64, date time.Time) (Waiting, error) {
	now := s.Now()
	if date.Before(now.Add(-24*time.Hour)) || date.Sub(now) > s.rules("").Horizon {
		return Waiting{}, errs.New(errs.Invalid, "只能登记可预约范围内的日期", "that day is outside the booking horizon").Field("date", "超出范围", "out of range")
	}
	w := Waiting{SiteID: siteID, Date: date.Format("2006-01-02"), ResidentID: residentID, Status: "waiting"}
	if err := s.Store.JoinWaitlist(ctx, &w); err != nil {
		return Waiting{}, err
	}
	return w, nil
}

// offer gives a freed place to the next resident waiting for that site and
// day, as a hold that lasts longer than a normal one, and tells them.
func (s *Service) offer(ctx context.Context, sl Slot) {
	date := calendar.DateOf(sl.Start).String()
	w, err := s.Store.NextWaiting(ctx, sl.SiteID, date, sl.ID, s.Now())
	if err != nil {
		if !errs.Is(err, errs.NotFound) {
			s.Log.ErrorContext(ctx, "waitlist", "error", err.Error())
		}
		return
	}
	held := ""
	if _, _, err := s.Holds.HoldFor(ctx, sl.ID, 1, w.ResidentID, 30*time.Minute); err == nil {
		held = "已为您保留30分钟，"
	}
	body := fmt.Sprintf("【公共法律服务】%s %s有空余咨询名额，%s请登录平台确认预约。", sl.SiteName, when(sl.Start), held)
	if err := s.Notify.NotifyUser(ctx, w.ResidentID, "waitlist_offer", body); err != nil {
		s.Log.ErrorContext(ctx, "waitlist notice", "error", err.Error())
	}
}

// DayEntry is one booking of a lawyer's shift with its record, if any.
type DayEntry struct {
	Booking Booking       `json:"booking"`
	Record  *Consultation `json:"record"`
}

var errNoRecord = errs.New(errs.NotFound, "未找到该咨询记录", "no such consultation record")

// Correct lets the lawyer who wrote a record reopen and correct it; the
// old text is kept.
func (s *Service) Correct(ctx context.Context, lawyerID int64, c Consultation) (Consultation, error) {
	old, err := s.Store.Consultation(ctx, c.ID)
	if errs.Is(err, errs.NotFound) || (err == nil && old.LawyerID != lawyerID) {
		return Consultation{}, errNoRecord
	}
	if err != nil {
		return Consultation{}, err
	}
	old.Category, old.Summary, old.Outcome, old.Referral = c.Category, c.Summary, c.Outcome, ""
	if err := old.check(); err != nil {
		return Consultation{}, err
	}
	if err := s.Store.CorrectConsultation(ctx, lawyerID, old, s.Now()); err != nil {
		return Consultation{}, err
	}
	return old, nil
}
