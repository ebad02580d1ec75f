package api

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/alexedwards/scs/v2"
)

// sessionCodec writes a session as JSON. It is deterministic
// (encoding/json sorts map keys), so an unchanged session encodes to the
// same bytes and sessions.Touches can see that nothing changed; and it decodes without gob's cost of
// compiling the types again on every request (15% of a signed-in read's CPU
// in the profile). The API keeps only strings and int64s in a session; any
// other value is refused rather than silently changed. Sessions written
// before, by scs's gob codec, still decode.
type sessionCodec struct{}

type encodedSession struct {
	Deadline time.Time         `json:"d"`
	Strings  map[string]string `json:"s,omitempty"`
	Ints     map[string]int64  `json:"i,omitempty"`
}

// Encode implements scs.Codec.
func (sessionCodec) Encode(deadline time.Time, values map[string]any) ([]byte, error) {
	e := encodedSession{Deadline: deadline.UTC()}
	for k, v := range values {
		switch v := v.(type) {
		case string:
			if e.Strings == nil {
				e.Strings = map[string]string{}
			}
			e.Strings[k] = v
		case int64:
			if e.Ints == nil {
				e.Ints = map[string]int64{}
			}
			e.Ints[k] = v
		default:
			return nil, fmt.Errorf("session value %q: a %T cannot be kept", k, v)
		}
	}
	return json.Marshal(e)
}

// Decode implements scs.Codec.
func (sessionCodec) Decode(b []byte) (time.Time, map[string]any, error) {
	if len(b) == 0 || b[0] != '{' {
		return scs.GobCodec{}.Decode(b) // saved before this codec
	}
	var e encodedSession
	if err := json.Unmarshal(b, &e); err != nil {
		return time.Time{}, nil, err
	}
	values := make(map[string]any, len(e.Strings)+len(e.Ints))
	for k, v := range e.Strings {
		values[k] = v
	}
	for k, v := range e.Ints {
		values[k] = v
	}
	return e.Deadline, values, nil
}
