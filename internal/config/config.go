// Package config reads settings: defaults in code, then a YAML file, then
// LEGALDESK_* environment variables. It is read once in main and passed down;
// nothing here is global.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/caarlos0/env/v11"
	"gopkg.in/yaml.v3"
)

// Config is the whole of the server's settings.
type Config struct {
	// Env is "development" (the embedded default) or "production".
	Env     string `yaml:"env" env:"ENV"`
	Addr    string `yaml:"addr" env:"ADDR"`
	DataDir string `yaml:"data_dir" env:"DATA_DIR"`
	// Demo seeds the Gaoping demo network and accounts on first start.
	Demo bool `yaml:"demo" env:"DEMO"`
	// DemoHistory adds a past year of demo activity (2025: legal aid,
	// consultations, notary, advisors, disputes), marked demo, to the demo
	// seed, so statistics show figures on first start; tests leave it off.
	DemoHistory bool     `yaml:"demo_history" env:"DEMO_HISTORY"`
	DB          DB       `yaml:"db" envPrefix:"DB_"`
	Redis       Redis    `yaml:"redis" envPrefix:"REDIS_"`
	HTTP        HTTP     `yaml:"http" envPrefix:"HTTP_"`
	Session     Session  `yaml:"session" envPrefix:"SESSION_"`
	Auth        Auth     `yaml:"auth" envPrefix:"AUTH_"`
	Keys        Keys     `yaml:"keys" envPrefix:"KEYS_"`
	Holds       Holds    `yaml:"holds" envPrefix:"HOLDS_"`
	Roster      Roster   `yaml:"roster" envPrefix:"ROSTER_"`
	Booking     Booking  `yaml:"booking" envPrefix:"BOOKING_"`
	LegalAid    LegalAid `yaml:"legal_aid" envPrefix:"LEGAL_AID_"`
	Notary      Notary   `yaml:"notary" envPrefix:"NOTARY_"`
	Advisors    Advisors `yaml:"advisors" envPrefix:"ADVISORS_"`
	Log         Log      `yaml:"log" envPrefix:"LOG_"`
}

type DB struct {
	Driver          string        `yaml:"driver" env:"DRIVER"`
	DSN             string        `yaml:"dsn" env:"DSN"`
	MaxOpenConns    int           `yaml:"max_open_conns" env:"MAX_OPEN_CONNS"`
	ConnMaxLifetime time.Duration `yaml:"conn_max_lifetime" env:"CONN_MAX_LIFETIME"`
	Migrate         bool          `yaml:"migrate" env:"MIGRATE"`
}

type Redis struct {
	// Addr empty means holds, sessions and rate limits stay in memory.
	Addr     string `yaml:"addr" env:"ADDR"`
	Password string `yaml:"password" env:"PASSWORD"`
	// Prefix namespaces every key, so deployments can share one Redis.
	Prefix      string        `yaml:"prefix" env:"PREFIX"`
	DB          int           `yaml:"db" env:"DB"`
	PoolSize    int           `yaml:"pool_size" env:"POOL_SIZE"`
	DialTimeout time.Duration `yaml:"dial_timeout" env:"DIAL_TIMEOUT"`
	ReadTimeout time.Duration `yaml:"read_timeout" env:"READ_TIMEOUT"`
}

type HTTP struct {
	BodyLimit       int64         `yaml:"body_limit" env:"BODY_LIMIT"`
	TrustedProxies  []string      `yaml:"trusted_proxies" env:"TRUSTED_PROXIES"`
	ShutdownTimeout time.Duration `yaml:"shutdown_timeout" env:"SHUTDOWN_TIMEOUT"`
	// TrustedOrigins may make state-changing requests besides the server's own.
	TrustedOrigins []string `yaml:"trusted_origins" env:"TRUSTED_ORIGINS"`
	// PublicOrigin is where people reach the service (https://legal.example.gov.cn).
	// Links the server hands out (calendar feeds) are built from it, never
	// from a request's Host header; production requires it.
	PublicOrigin string `yaml:"public_origin" env:"PUBLIC_ORIGIN"`
	// DebugAddr, when set, serves Go's profiler (net/http/pprof) on a
	// listener of its own; only a loopback address is accepted.
	DebugAddr string `yaml:"debug_addr" env:"DEBUG_ADDR"`
}

type Session struct {
	IdleTimeout  time.Duration `yaml:"idle_timeout" env:"IDLE_TIMEOUT"`
	Lifetime     time.Duration `yaml:"lifetime" env:"LIFETIME"`
	CookieSecure bool          `yaml:"cookie_secure" env:"COOKIE_SECURE"`
	// AllowInsecureCookie lets production run with cookie_secure false: only
	// for a closed network where browsers reach the service over plain HTTP
	// that the operator trusts (a government intranet without TLS).
	AllowInsecureCookie bool `yaml:"allow_insecure_cookie" env:"ALLOW_INSECURE_COOKIE"`
	// Store is memory, database or redis; empty means database when Redis
	// is configured, else memory (see Session.Backend). Redis then holds
	// only holds and limits, so people stay signed in and book through a
	// Redis outage; redis is an explicit choice that gives that up.
	Store string `yaml:"store" env:"STORE"`
}

// Backend is the session store in use: Store, or for an empty Store the
// database when Redis is configured (one instance's memory would not do for
// several instances, and Redis would take sign-in down with holds) and
// memory when it is not.
func (s Session) Backend(redisConfigured bool) string {
	switch {
	case s.Store != "":
		return s.Store
	case redisConfigured:
		return "database"
	}
	return "memory"
}

type Auth struct {
	SMSCodeTTL     time.Duration `yaml:"sms_code_ttl" env:"SMS_CODE_TTL"`
	SMSMaxAttempts int           `yaml:"sms_max_attempts" env:"SMS_MAX_ATTEMPTS"`
	// SMSPerPhone codes may be sent to one phone from one address per SMSWindow.
	SMSPerPhone int           `yaml:"sms_per_phone" env:"SMS_PER_PHONE"`
	SMSWindow   time.Duration `yaml:"sms_window" env:"SMS_WINDOW"`
	// LoginPerPhone attempts are allowed per LoginWindow per phone and
	// address; ×10 per address, ×20 per phone (internal/account/limits.go).
	LoginPerPhone int           `yaml:"login_per_phone" env:"LOGIN_PER_PHONE"`
	LoginWindow   time.Duration `yaml:"login_window" env:"LOGIN_WINDOW"`
}

// Keys are base64 32-byte keys. In development they are generated into the
// data directory on first start; production refuses to start without them.
type Keys struct {
	PII      string `yaml:"pii" env:"PII"`
	PIIIndex string `yaml:"pii_index" env:"PII_INDEX"`
}

type Holds struct {
	TTL time.Duration `yaml:"ttl" env:"TTL"`
}

type Roster struct {
	// WeeklyCap is the most duty shifts a lawyer takes in one week (0: none).
	WeeklyCap int `yaml:"weekly_cap" env:"WEEKLY_CAP"`
	// SwapNotice is how long before a shift a swap must be proposed.
	SwapNotice time.Duration `yaml:"swap_notice" env:"SWAP_NOTICE"`
}

type Booking struct {
	BookingRules     `yaml:",inline"`
	ReminderInterval time.Duration `yaml:"reminder_interval" env:"REMINDER_INTERVAL"`
	// PerTier overrides the rules for one kind of site (center, station,
	// room, notary, legal_aid), in the file only; unset fields keep the
	// general value.
	PerTier map[string]BookingRules `yaml:"per_tier" env:"-"`
}

// BookingRules are the limits of booking.
type BookingRules struct {
	MinNotice    time.Duration `yaml:"min_notice" env:"MIN_NOTICE"`
	Horizon      time.Duration `yaml:"horizon" env:"HORIZON"`
	MaxActive    int           `yaml:"max_active" env:"MAX_ACTIVE"`
	CancelCutoff time.Duration `yaml:"cancel_cutoff" env:"CANCEL_CUTOFF"`
}

// RulesFor returns the booking rules of a site tier.
func (b Booking) RulesFor(tier string) BookingRules {
	r := b.BookingRules
	o, ok := b.PerTier[tier]
	if !ok {
		return r
	}
	if o.MinNotice != 0 {
		r.MinNotice = o.MinNotice
	}
	if o.Horizon != 0 {
		r.Horizon = o.Horizon
	}
	if o.MaxActive != 0 {
		r.MaxActive = o.MaxActive
	}
	if o.CancelCutoff != 0 {
		r.CancelCutoff = o.CancelCutoff
	}
	return r
}

type LegalAid struct {
	// UploadsDir keeps attachments, outside the web root (default data_dir/uploads).
	UploadsDir string `yaml:"uploads_dir" env:"UPLOADS_DIR"`
	MaxFile    int64  `yaml:"max_file" env:"MAX_FILE"`   // bytes per file
	MaxTotal   int64  `yaml:"max_total" env:"MAX_TOTAL"` // bytes per application
	// CentreName signs the decision letters.
	CentreName string `yaml:"centre_name" env:"CENTRE_NAME"`
	// BureauName is the justice bureau that set the centre up: it hears
	// objections (Art. 49) and signs its decisions on them.
	BureauName string `yaml:"bureau_name" env:"BUREAU_NAME"`
	// MinSupplementDays is the shortest deadline a materials notice may set (Art. 43).
	MinSupplementDays int `yaml:"min_supplement_days" env:"MIN_SUPPLEMENT_DAYS"`
	// HardshipIncome is the province's economic-hardship standard (Art. 34)
	// as a per-capita monthly income in yuan; HardshipSource says where it
	// was published. Officers see whether a pledge's statement meets it.
	HardshipIncome int    `yaml:"hardship_income" env:"HARDSHIP_INCOME"`
	HardshipSource string `yaml:"hardship_source" env:"HARDSHIP_SOURCE"`
}

// Notary is the notary office's calendar and green channel.
type Notary struct {
	// HomeAge: from this age residents get the green channel and may ask
	// for a home visit.
	HomeAge int `yaml:"home_age" env:"HOME_AGE"`
	// Windows is the places on each slot of the office's calendar.
	Windows int `yaml:"windows" env:"WINDOWS"`
}

// Advisors are the village legal-advisor scheme's settings.
type Advisors struct {
	// Cap is the most villages one lawyer advises.
	Cap int `yaml:"cap" env:"CAP"`
	// TermMonths is a new contract's default length.
	TermMonths int `yaml:"term_months" env:"TERM_MONTHS"`
	// OnSiteDaysPerMonth and LecturesPerQuarter are what an advisor owes each village.
	OnSiteDaysPerMonth int `yaml:"on_site_days_per_month" env:"ON_SITE_DAYS_PER_MONTH"`
	LecturesPerQuarter int `yaml:"lectures_per_quarter" env:"LECTURES_PER_QUARTER"`
}

type Log struct {
	Level string `yaml:"level" env:"LEVEL"`
}

// Default is the embedded default: SQLite under ./data, memory holds, demo on.
func Default() Config {
	return Config{
		Env:         "development",
		Addr:        ":8080",
		DataDir:     "./data",
		Demo:        true,
		DemoHistory: true,
		DB:          DB{Driver: "sqlite", MaxOpenConns: 20, ConnMaxLifetime: 3 * time.Minute, Migrate: true},
		Redis:       Redis{Prefix: "legaldesk:", PoolSize: 50, DialTimeout: 2 * time.Second, ReadTimeout: time.Second},
		HTTP:        HTTP{BodyLimit: 1 << 20, ShutdownTimeout: 15 * time.Second},
		Session:     Session{IdleTimeout: 30 * time.Minute, Lifetime: 12 * time.Hour},
		Auth: Auth{SMSCodeTTL: 5 * time.Minute, SMSMaxAttempts: 5, SMSPerPhone: 1, SMSWindow: time.Minute,
			LoginPerPhone: 10, LoginWindow: 15 * time.Minute},
		Holds:  Holds{TTL: 5 * time.Minute},
		Roster: Roster{WeeklyCap: 3, SwapNotice: 48 * time.Hour},
		LegalAid: LegalAid{MaxFile: 5 << 20, MaxTotal: 20 << 20, CentreName: "高平市法律援助中心",
			BureauName: "高平市司法局", MinSupplementDays: 5,
			HardshipIncome: 1500, HardshipSource: "示例值：部署时请按省级人民政府公布的法律援助经济困难标准设置"},
		Notary:   Notary{HomeAge: 70, Windows: 2},
		Advisors: Advisors{Cap: 10, TermMonths: 36, OnSiteDaysPerMonth: 1, LecturesPerQuarter: 1},
		Booking: Booking{BookingRules: BookingRules{MinNotice: 2 * time.Hour, Horizon: 30 * 24 * time.Hour, MaxActive: 3,
			CancelCutoff: 2 * time.Hour}, ReminderInterval: time.Minute},
		Log: Log{Level: "info"},
	}
}

// DefaultFile is read when present and no -config was given.
const DefaultFile = "configs/legaldesk.yaml"

// Load applies the file (explicit path must exist; the default path may be
// absent) and then the environment, and validates the result.
func Load(path string, getenv func(string) string) (Config, error) {
	cfg := Default()
	explicit := path != ""
	if !explicit {
		path = DefaultFile
	}
	if err := loadFile(&cfg, path, explicit); err != nil {
		return cfg, err
	}
	if err := loadEnv(&cfg, getenv); err != nil {
		return cfg, err
	}
	return cfg, cfg.Validate()
}

func loadFile(cfg *Config, path string, mustExist bool) error {
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && !mustExist {
		return nil
	}
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	// An empty file decodes to io.EOF: it changes nothing.
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return fmt.Errorf("config file %s: %w", path, err)
	}
	return nil
}

const envPrefix = "LEGALDESK_"

func loadEnv(cfg *Config, getenv func(string) string) error {
	opts := env.Options{Prefix: envPrefix}
	params, err := env.GetFieldParamsWithOptions(cfg, opts)
	if err != nil {
		return fmt.Errorf("config: %w", err)
	}
	vars := map[string]string{}
	for _, p := range params {
		if v := getenv(p.Key); v != "" {
			vars[p.Key] = v
		}
	}
	opts.Environment = vars
	if err := env.ParseWithOptions(cfg, opts); err != nil {
		return fmt.Errorf("config: %s: %w", badVariable(vars), err)
	}
	return nil
}

// badVariable finds which variable failed, since the parser names only the
// Go field: each one is parsed alone into a scratch config.
func badVariable(vars map[string]string) string {
	for k, v := range vars {
		scratch := Default()
		one := env.Options{Prefix: envPrefix, Environment: map[string]string{k: v}}
		if env.ParseWithOptions(&scratch, one) != nil {
			return k
		}
	}
	return "environment"
}
