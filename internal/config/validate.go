package config

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"time"
)

// Production reports whether the strict production rules apply.
func (c Config) Production() bool { return c.Env == "production" }

// Validate names the key of the first setting that cannot work.
func (c Config) Validate() error {
	var bad []string
	check := func(ok bool, key, env, msg string) {
		if !ok {
			bad = append(bad, fmt.Sprintf("%s (%s%s): %s", key, envPrefix, env, msg))
		}
	}
	check(c.Env == "development" || c.Env == "production", "env", "ENV", "must be development or production")
	check(c.Addr != "", "addr", "ADDR", "must not be empty")
	check(c.DB.Driver == "sqlite" || c.DB.Driver == "mysql", "db.driver", "DB_DRIVER", "must be sqlite or mysql")
	check(c.DB.Driver != "mysql" || c.DB.DSN != "", "db.dsn", "DB_DSN", "is required with the mysql driver")
	check(c.DB.Driver != "sqlite" || c.DataDir != "" || c.DB.DSN != "", "data_dir", "DATA_DIR", "must not be empty")
	check(c.DB.MaxOpenConns > 0, "db.max_open_conns", "DB_MAX_OPEN_CONNS", "must be positive")
	check(c.HTTP.BodyLimit >= 1024, "http.body_limit", "HTTP_BODY_LIMIT", "must be at least 1024 bytes")
	check(c.Session.IdleTimeout > 0, "session.idle_timeout", "SESSION_IDLE_TIMEOUT", "must be positive")
	check(c.Session.Lifetime >= c.Session.IdleTimeout, "session.lifetime", "SESSION_LIFETIME", "must be at least the idle timeout")
	check(c.Session.Store == "" || c.Session.Store == "memory" || c.Session.Store == "database" || c.Session.Store == "redis",
		"session.store", "SESSION_STORE", "must be memory, database or redis")
	check(c.Session.Store != "redis" || c.Redis.Addr != "", "session.store", "SESSION_STORE", "redis needs redis.addr")
	check(c.Session.Store != "redis" || !strings.Contains(c.Redis.Addr, ","), "session.store", "SESSION_STORE",
		"redis needs a single Redis; with a cluster keep sessions in the database")
	check(c.Auth.SMSCodeTTL > 0, "auth.sms_code_ttl", "AUTH_SMS_CODE_TTL", "must be positive")
	check(c.Auth.SMSMaxAttempts > 0, "auth.sms_max_attempts", "AUTH_SMS_MAX_ATTEMPTS", "must be positive")
	check(c.Auth.SMSPerPhone > 0 && c.Auth.SMSWindow > 0, "auth.sms_per_phone", "AUTH_SMS_PER_PHONE", "limit and window must be positive")
	check(c.Auth.LoginPerPhone > 0 && c.Auth.LoginWindow > 0, "auth.login_per_phone", "AUTH_LOGIN_PER_PHONE", "limit and window must be positive")
	check(c.Holds.TTL >= 10*time.Second, "holds.ttl", "HOLDS_TTL", "must be at least 10s")
	check(c.Roster.WeeklyCap >= 0 && c.Roster.WeeklyCap <= 14, "roster.weekly_cap", "ROSTER_WEEKLY_CAP", "must be 0 (no cap) to 14")
	check(c.Roster.SwapNotice >= 0, "roster.swap_notice", "ROSTER_SWAP_NOTICE", "must not be negative")
	check(c.Advisors.Cap >= 1 && c.Advisors.Cap <= 100, "advisors.cap", "ADVISORS_CAP", "must be 1 to 100")
	check(c.Advisors.TermMonths >= 1 && c.Advisors.TermMonths <= 60, "advisors.term_months", "ADVISORS_TERM_MONTHS", "must be 1 to 60")
	check(c.Advisors.OnSiteDaysPerMonth >= 0 && c.Advisors.OnSiteDaysPerMonth <= 31, "advisors.on_site_days_per_month", "ADVISORS_ON_SITE_DAYS_PER_MONTH", "must be 0 to 31")
	check(c.Advisors.LecturesPerQuarter >= 0 && c.Advisors.LecturesPerQuarter <= 90, "advisors.lectures_per_quarter", "ADVISORS_LECTURES_PER_QUARTER", "must be 0 to 90")
	check(c.Booking.MinNotice >= 0, "booking.min_notice", "BOOKING_MIN_NOTICE", "must not be negative")
	check(c.Booking.Horizon > c.Booking.MinNotice, "booking.horizon", "BOOKING_HORIZON", "must be longer than the minimum notice")
	check(c.Booking.MaxActive >= 1, "booking.max_active", "BOOKING_MAX_ACTIVE", "must be at least 1")
	check(c.Booking.CancelCutoff >= 0, "booking.cancel_cutoff", "BOOKING_CANCEL_CUTOFF", "must not be negative")
	for tier, r := range c.Booking.PerTier {
		rr := c.Booking.RulesFor(tier)
		check(tier == "center" || tier == "station" || tier == "room" || tier == "notary" || tier == "legal_aid",
			"booking.per_tier."+tier, "-", "unknown site tier")
		check(r.MinNotice >= 0 && r.CancelCutoff >= 0 && r.MaxActive >= 0 && rr.Horizon > rr.MinNotice,
			"booking.per_tier."+tier, "-", "durations must not be negative and the horizon must exceed the notice")
	}
	check(c.Booking.ReminderInterval >= time.Second, "booking.reminder_interval", "BOOKING_REMINDER_INTERVAL", "must be at least 1s")
	check(c.LegalAid.MaxFile >= 1<<10 && c.LegalAid.MaxTotal >= c.LegalAid.MaxFile, "legal_aid.max_file", "LEGAL_AID_MAX_FILE",
		"must be at least 1 KiB and no more than legal_aid.max_total")
	check(c.LegalAid.CentreName != "", "legal_aid.centre_name", "LEGAL_AID_CENTRE_NAME", "must not be empty")
	check(c.LegalAid.BureauName != "", "legal_aid.bureau_name", "LEGAL_AID_BUREAU_NAME", "must not be empty")
	check(c.LegalAid.MinSupplementDays >= 1 && c.LegalAid.MinSupplementDays <= 30, "legal_aid.min_supplement_days",
		"LEGAL_AID_MIN_SUPPLEMENT_DAYS", "must be 1 to 30 days")
	check(c.LegalAid.HardshipIncome > 0 && c.LegalAid.HardshipSource != "", "legal_aid.hardship_income", "LEGAL_AID_HARDSHIP_INCOME",
		"must be a positive per-capita monthly income, with legal_aid.hardship_source saying where it was published")
	check(c.Notary.HomeAge >= 50 && c.Notary.HomeAge <= 100, "notary.home_age", "NOTARY_HOME_AGE", "must be 50 to 100")
	check(c.Notary.Windows >= 1 && c.Notary.Windows <= 20, "notary.windows", "NOTARY_WINDOWS", "must be 1 to 20")
	check(validLevel(c.Log.Level), "log.level", "LOG_LEVEL", "must be debug, info, warn or error")
	check(c.HTTP.PublicOrigin == "" || validOrigin(c.HTTP.PublicOrigin), "http.public_origin", "HTTP_PUBLIC_ORIGIN",
		"must be an origin such as https://legal.example.gov.cn (scheme and host, no path)")
	check(c.HTTP.DebugAddr == "" || loopback(c.HTTP.DebugAddr), "http.debug_addr", "HTTP_DEBUG_ADDR",
		"must be a loopback address such as 127.0.0.1:6060 (the profiler is never public)")
	if c.Production() {
		check(!c.Demo, "demo", "DEMO", "must be false in production")
		check(c.Keys.PII != "", "keys.pii", "KEYS_PII", "is required in production")
		check(c.Keys.PIIIndex != "", "keys.pii_index", "KEYS_PII_INDEX", "is required in production")
		check(c.Session.CookieSecure || c.Session.AllowInsecureCookie, "session.cookie_secure", "SESSION_COOKIE_SECURE",
			"must be true in production (or set session.allow_insecure_cookie on a trusted network without TLS)")
		check(c.HTTP.PublicOrigin != "", "http.public_origin", "HTTP_PUBLIC_ORIGIN", "is required in production")
	}
	if len(bad) > 0 {
		return errors.New("invalid config: " + strings.Join(bad, "; "))
	}
	return nil
}

func validOrigin(o string) bool {
	u, err := url.Parse(o)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && (u.Path == "" || u.Path == "/") &&
		u.RawQuery == "" && u.Fragment == "" && u.User == nil
}

func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	ip := net.ParseIP(host)
	return host == "localhost" || (ip != nil && ip.IsLoopback())
}

func validLevel(l string) bool {
	switch l {
	case "debug", "info", "warn", "error":
		return true
	}
	return false
}
