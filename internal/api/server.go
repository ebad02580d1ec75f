// Package api is the HTTP face of legaldesk: Gin lives here and only here.
// Handlers parse, call a feature service or store, and respond; errors become
// statuses in errors.go alone.
package api

import (
	"context"
	"io/fs"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/alexedwards/scs/v2"
	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/account"
	"github.com/legaldesk/legaldesk/internal/advisor"
	"github.com/legaldesk/legaldesk/internal/booking"
	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/holds"
	"github.com/legaldesk/legaldesk/internal/idempotency"
	"github.com/legaldesk/legaldesk/internal/legalaid"
	"github.com/legaldesk/legaldesk/internal/mediation"
	"github.com/legaldesk/legaldesk/internal/network"
	"github.com/legaldesk/legaldesk/internal/notary"
	"github.com/legaldesk/legaldesk/internal/notify"
	"github.com/legaldesk/legaldesk/internal/roster"
	"github.com/legaldesk/legaldesk/internal/stats"
)

// Config is the part of the settings the HTTP layer needs.
type Config struct {
	BodyLimit      int64
	TrustedProxies []string
	TrustedOrigins []string
	IdleTimeout    time.Duration
	Lifetime       time.Duration
	CookieSecure   bool
	// SessionStore keeps sessions; nil means in memory.
	SessionStore scs.Store
	// RedisConfigured makes /readyz check the hold store too.
	RedisConfigured bool
	// UploadLimit caps an upload request's body.
	UploadLimit int64
	// PublicOrigin builds the links the server hands out (feeds).
	PublicOrigin string
}

// Deps are the services the handlers call, and a few narrow interfaces
// where a service would be ceremony: the network's records, the outbox,
// the Idempotency-Key table and the health checks. Never the store itself.
type Deps struct {
	Accounts    *account.Service
	Calendar    *calendar.Service
	Roster      *roster.Service
	Booking     *booking.Service
	LegalAid    *legalaid.Service
	Notary      *notary.Service
	Advisors    *advisor.Service
	Mediation   *mediation.Service
	Stats       *stats.Service
	Sites       network.Store
	Outbox      notify.Store
	Idempotency idempotency.Store
	// Sealer seals stored answers that may carry personal data (pii.Box).
	Sealer interface {
		Seal(plaintext string) string
		Open(sealed string) (string, error)
	}
	Holds  holds.Store
	DB     interface{ Ping(context.Context) error }
	Static fs.FS // the static/ tree
	Log    *slog.Logger
	// Now is the clock (time.Now when nil).
	Now func() time.Time
}

// Server holds the handlers' dependencies.
type Server struct {
	Deps
	cfg      Config
	log      *slog.Logger
	sessions *scs.SessionManager
	metrics  *metrics
	handler  http.Handler
	// gzipped and staticTags serve unchanging bytes cheaply (compress.go).
	gzipped    gzipCopies
	staticTags sync.Map // file name → ETag; the embedded tree never changes
}

// New builds the server and its route table.
func New(d Deps, cfg Config) (*Server, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	s := &Server{Deps: d, cfg: cfg, log: d.Log, metrics: newMetrics()}
	s.sessions = newSessions(cfg)
	engine, err := s.routes()
	if err != nil {
		return nil, err
	}
	cop := http.NewCrossOriginProtection()
	for _, o := range cfg.TrustedOrigins {
		if err := cop.AddTrustedOrigin(o); err != nil {
			return nil, err
		}
	}
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, r, errCrossOrigin)
	}))
	s.handler = withRequestID(securityHeaders(cop.Handler(s.withSessions(engine))))
	return s, nil
}

// ServeHTTP makes the server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// routes is the whole route table.
func (s *Server) routes() (*gin.Engine, error) {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	if err := r.SetTrustedProxies(s.cfg.TrustedProxies); err != nil {
		return nil, err
	}
	// Only X-Forwarded-For, from a trusted proxy: X-Real-IP would let a
	// client behind a proxy that does not set it choose its own address.
	r.RemoteIPHeaders = []string{"X-Forwarded-For"}
	r.HandleMethodNotAllowed = true
	r.Use(s.observe, gin.CustomRecovery(s.recoverJSON), s.limitBody, s.loadUser)
	r.NoRoute(s.notFound)
	r.NoMethod(func(c *gin.Context) { s.fail(c, errNoMethod) })

	r.GET("/healthz", s.healthz)
	r.GET("/readyz", s.readyz)
	r.GET("/metrics", s.metricsHandler())
	r.GET("/api/docs", s.apiDocs)
	r.GET("/api/openapi.yaml", s.openAPI)

	v1 := r.Group("/api/v1")
	admin, lawyer := s.require(account.Admin), s.require(account.Lawyer)

	v1.POST("/auth/sms-code", s.requestCode)
	v1.POST("/auth/login", s.login)
	v1.POST("/auth/logout", s.logout)
	v1.GET("/me", s.require(), s.me)
	v1.GET("/admin/outbox", admin, s.listOutbox)

	v1.GET("/sites", s.listSites)
	v1.GET("/sites/:id", s.getSite)
	idem := s.idempotent
	v1.POST("/sites", admin, idem, s.createSite)
	v1.PATCH("/sites/:id", admin, s.updateSite)
	v1.GET("/sites/:id/lawyers", admin, s.getPool)
	v1.PUT("/sites/:id/lawyers", admin, s.setPool)
	v1.GET("/lawyers", admin, s.listLawyers)

	v1.GET("/calendar/days", s.listDays)
	v1.GET("/calendar/overrides", admin, s.listOverrides)
	v1.POST("/calendar/overrides", admin, idem, s.createOverride)
	v1.DELETE("/calendar/overrides/:id", admin, s.deleteOverride)
	v1.POST("/calendar/years", admin, s.loadYear)
	v1.GET("/duty-rules", admin, s.listDutyRules)
	v1.POST("/duty-rules", admin, idem, s.createDutyRule)
	v1.PATCH("/duty-rules/:id", admin, s.updateDutyRule)
	v1.POST("/rosters/preview", admin, s.previewRoster)
	v1.POST("/rosters/publish", admin, s.publishRoster)
	v1.GET("/shifts", s.listShifts)
	v1.GET("/shifts/:id/changes", admin, s.shiftChanges)
	v1.GET("/me/shifts", lawyer, s.myShifts)
	v1.GET("/me/calendar-feed", lawyer, s.myFeed)
	v1.DELETE("/me/calendar-feed", lawyer, s.revokeFeed)
	v1.GET("/calendar-feeds/:token", s.feed)
	v1.POST("/leave", lawyer, idem, s.requestLeave)
	v1.GET("/shift-swaps", s.require(account.Lawyer, account.Admin), s.listSwaps)
	v1.POST("/shift-swaps", lawyer, idem, s.proposeSwap)
	v1.GET("/shifts/:id/colleagues", lawyer, s.colleagues)
	v1.POST("/shift-swaps/:id/accept", lawyer, s.acceptSwap)
	v1.POST("/shift-swaps/:id/decline", lawyer, s.declineSwap)

	resident := s.require(account.Resident)
	v1.GET("/slots", s.listSlots)
	v1.POST("/holds", resident, s.placeHold)
	v1.DELETE("/holds/:id", resident, s.releaseHold)
	v1.POST("/bookings", resident, s.createBooking)
	v1.GET("/me/bookings", resident, s.myBookings)
	v1.GET("/bookings/:id", s.require(), s.getBooking)
	v1.GET("/bookings/:id/qr.png", s.require(), s.bookingQR)
	v1.GET("/bookings/:id/calendar.ics", s.require(), s.bookingICS)
	v1.POST("/bookings/:id/cancel", s.require(account.Resident, account.Admin), s.cancelBooking)
	v1.POST("/bookings/:id/reschedule", s.require(account.Resident, account.Admin), s.rescheduleBooking)
	v1.POST("/bookings/:id/rating", resident, s.rateBooking)
	v1.POST("/waitlist", resident, idem, s.joinWaitlist)
	staffAtShift := s.require(account.Lawyer, account.Admin)
	v1.GET("/shifts/:id/bookings", staffAtShift, s.shiftBookings)
	v1.POST("/bookings/:id/attendance", staffAtShift, s.markAttendance)
	v1.POST("/consultations", lawyer, idem, s.recordConsultation)
	v1.PATCH("/consultations/:id", lawyer, s.correctConsultation)
	v1.GET("/consultations/options", s.consultationOptions)
	v1.GET("/me/referrals", resident, s.myReferrals)

	officer := s.require(account.AidOfficer)
	aidParty := s.require(account.Resident, account.AidOfficer, account.Admin, account.Lawyer)
	v1.GET("/legal-aid/eligibility", s.eligibility)
	v1.POST("/legal-aid/applications", s.require(account.Resident, account.AidOfficer), idem, s.applyForAid)
	v1.GET("/legal-aid/applications/:id", aidParty, s.getApplication)
	v1.GET("/me/legal-aid", s.require(account.Resident, account.Lawyer), s.myLegalAid)
	v1.POST("/legal-aid/applications/:id/attachments", aidParty, s.uploadAttachment)
	v1.GET("/legal-aid/attachments/:id", aidParty, s.downloadAttachment)
	v1.GET("/legal-aid/queue", officer, s.aidQueue)
	v1.POST("/legal-aid/applications/:id/actions", aidParty, s.aidAction)
	v1.GET("/legal-aid/applications/:id/lawyer-suggestions", officer, s.lawyerSuggestions)
	v1.POST("/legal-aid/applications/:id/objections", s.require(account.Resident, account.AidOfficer), idem, s.fileObjection)
	v1.POST("/legal-aid/notices", officer, idem, s.registerNotice)
	v1.GET("/legal-aid/objections", admin, s.openObjections)
	v1.POST("/legal-aid/objections/:id/decision", admin, s.decideObjection)
	v1.GET("/legal-aid/applications/:id/decision.pdf", aidParty, s.decisionPDF)
	v1.POST("/legal-aid/progress", s.aidProgress)
	v1.POST("/legal-aid/applications/:id/id-number", s.require(account.AidOfficer, account.Admin), s.revealAidID)
	v1.PUT("/legal-aid/applications/:id/special-groups", officer, s.confirmGroups)

	clerk, office := s.require(account.NotaryClerk), s.require(account.NotaryClerk, account.Admin)
	notaryParty := s.require(account.Resident, account.NotaryClerk)
	v1.GET("/notary/matters", s.listMatters)
	v1.POST("/notary/matters", office, idem, s.createMatter)
	v1.PATCH("/notary/matters/:id", office, s.updateMatter)
	v1.GET("/notary/slots", s.notaryStarts)
	v1.POST("/notary/calendar", office, s.openNotaryDays)
	v1.POST("/notary/holds", resident, s.placeNotaryHold)
	v1.DELETE("/notary/holds/:id", resident, s.releaseNotaryHold)
	v1.POST("/notary/bookings", resident, s.createNotaryBooking)
	v1.GET("/me/notary-bookings", resident, s.myNotaryVisits)
	v1.GET("/notary/bookings/:id", notaryParty, s.getNotaryVisit)
	v1.POST("/notary/bookings/:id/materials", notaryParty, s.uploadNotaryMaterial)
	v1.GET("/notary/materials/:id", notaryParty, s.downloadNotaryMaterial)
	v1.POST("/notary/bookings/:id/materials-check", clerk, s.checkNotaryMaterials)
	v1.POST("/notary/bookings/:id/status", notaryParty, s.finishNotaryVisit)
	v1.POST("/notary/waitlist", resident, idem, s.joinNotaryWaitlist)
	v1.GET("/notary/day", clerk, s.notaryDay)
	v1.GET("/notary/stats", office, s.notaryStats)
	v1.POST("/notary/home-visits", resident, idem, s.requestHomeVisit)
	v1.GET("/notary/home-visits", clerk, s.homeRequests)
	v1.PATCH("/notary/home-visits/:id", clerk, s.scheduleHomeVisit)
	v1.GET("/advisor-assignments", admin, s.listAssignments)
	v1.POST("/advisor-assignments", admin, idem, s.createAssignment)
	v1.POST("/advisor-assignments/auto", admin, s.autoAssign)
	v1.POST("/advisor-assignments/:id/end", admin, s.endAssignment)
	v1.POST("/advisor-assignments/:id/replace", admin, s.replaceAssignment)
	v1.POST("/advisor-assignments/:id/renew", admin, s.renewAssignment)
	v1.GET("/advisors/coverage", admin, s.advisorCoverage)
	v1.GET("/advisors/compliance", admin, s.compliance)
	v1.GET("/advisors/compliance.csv", admin, s.complianceCSV)
	v1.GET("/advisors/:id/compliance", s.require(account.Lawyer, account.Admin), s.advisorCompliance)
	v1.POST("/advisor-logs", lawyer, idem, s.recordAdvisorLog)
	v1.POST("/advisor-logs/:id/photo", lawyer, s.uploadLogPhoto)
	v1.GET("/advisor-logs/:id/photo", s.require(account.Lawyer, account.Admin), s.logPhoto)
	v1.GET("/me/advisor-villages", lawyer, s.myAdvisorVillages)
	v1.GET("/me/advisor-logs", lawyer, s.myAdvisorLogs)
	v1.GET("/sites/:id/advisor", s.siteAdvisor)

	mediator, mediationDesk := s.require(account.Mediator), s.require(account.Mediator, account.Admin)
	v1.GET("/disputes", mediationDesk, s.disputeBoard)
	v1.POST("/disputes", mediator, idem, s.createDispute)
	v1.GET("/disputes/:id", mediationDesk, s.getDispute)
	v1.PATCH("/disputes/:id", mediator, s.actOnDispute)
	v1.GET("/mediation/committees", mediationDesk, s.mediationCommittees)
	v1.POST("/mediation/committees", admin, idem, s.createCommittee)
	v1.PATCH("/mediation/committees/:id", admin, s.updateCommittee)
	v1.GET("/mediation/referrals", mediator, s.mediationReferrals)
	bureau := s.require(account.Admin, account.AidOfficer)
	v1.GET("/stats/summary", bureau, s.statsSummary)
	v1.GET("/stats/annual", bureau, s.statsAnnual)
	v1.GET("/stats/export.xlsx", bureau, s.statsXLSX)
	v1.GET("/stats/export.csv", bureau, s.statsCSV)
	return r, nil
}
