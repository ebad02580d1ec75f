package account

import (
	"context"
	"net/netip"
	"time"
)

// Signing in is limited by three keys, checked in this order:
//
//  1. phone and address together: LoginPerPhone tries per LoginWindow (and
//     SMSPerPhone codes per SMSWindow). This is the limit a guesser meets.
//     It is kept per pair, not per phone, because a per-phone limit let
//     anyone lock anyone out: ten wrong passwords from any address, then
//     one every 90 s, kept the owner — an administrator, an aid officer —
//     from signing in at all.
//  2. address, any phone: ten times that, so one address cannot spread its
//     guesses over many accounts.
//  3. phone, any address: a ceiling against guessing spread over many
//     addresses. This is the trade-off: whoever holds the ceiling down locks
//     the owner out again, so it is set at ceilingFactor times the pair's
//     limit. Only an attacker with that many addresses, each at full rate
//     all the while, can hold it down; below that it costs the owner
//     nothing, and it caps what a larger botnet guesses at one account (with
//     the defaults, 200 tries per 15 minutes: a six-digit code falls after
//     some 50 days of that, a password off the common list practically
//     never). Keeping that botnet out entirely needs something that tells
//     the owner apart, such as a device cookie; addresses cannot.
//
// The pair is checked first, so a try it refuses spends nothing of the
// other two: one address at its limit cannot drain the ceiling.
const ceilingFactor = 20

// limitLogin spends one sign-in try of phone index idx from ip.
func (s *Service) limitLogin(ctx context.Context, idx, ip string) error {
	addr := LimitAddr(ip)
	n, w := s.Rules.LoginPerPhone, s.Rules.LoginWindow
	if err := s.limit(ctx, "login:pair:"+idx+":"+addr, n, w); err != nil {
		return err
	}
	if err := s.limit(ctx, "login:ip:"+addr, n*10, w); err != nil {
		return err
	}
	return s.limit(ctx, "login:phone:"+idx, n*ceilingFactor, w)
}

// limitCodeRequest spends one sign-in code sent to idx for ip. The
// per-phone ceiling here is what stops a phone being flooded with texts
// (each one costs money and wakes a person), so it is far tighter than the
// sign-in ceiling: smsPerHour texts an hour, whoever asks. That is the
// other side of the trade-off above: someone asking from that many
// addresses can keep the owner from getting a new code for an hour —
// people already signed in stay signed in, and staff use passwords.
func (s *Service) limitCodeRequest(ctx context.Context, idx, ip string) error {
	addr := LimitAddr(ip)
	n, w := s.Rules.SMSPerPhone, s.Rules.SMSWindow
	if err := s.limit(ctx, "sms:pair:"+idx+":"+addr, n, w); err != nil {
		return err
	}
	if err := s.limit(ctx, "sms:ip:"+addr, n*20, w*10); err != nil {
		return err
	}
	return s.limit(ctx, "sms:phone:"+idx, smsPerHour, time.Hour)
}

// smsPerHour is how many texts one phone receives an hour at most.
const smsPerHour = 10

// LimitAddr is the address limits count by. One IPv6 client usually holds
// a whole /64, and would otherwise be a new address with every try.
func LimitAddr(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil {
		return ip
	}
	if a = a.Unmap(); a.Is4() {
		return a.String()
	}
	p, _ := a.Prefix(64)
	return p.String()
}
