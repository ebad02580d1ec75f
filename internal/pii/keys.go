package pii

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// KeyFile is where development keys live inside the data directory.
const KeyFile = "keys.json"

type keyFile struct {
	PII      string `json:"pii"`
	PIIIndex string `json:"pii_index"`
}

// LoadOrCreateKeys reads development keys from dir, creating them (mode
// 0600) on first use; created reports whether new keys were written.
func LoadOrCreateKeys(dir string) (seal, index string, created bool, err error) {
	path := filepath.Join(dir, KeyFile)
	b, err := os.ReadFile(path)
	if err == nil {
		var k keyFile
		if err := json.Unmarshal(b, &k); err != nil {
			return "", "", false, fmt.Errorf("%s: %w", path, err)
		}
		return k.PII, k.PIIIndex, false, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return "", "", false, err
	}
	k := keyFile{PII: NewKey(), PIIIndex: NewKey()}
	b, _ = json.MarshalIndent(k, "", "  ")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", "", false, err
	}
	if err := os.WriteFile(path, b, 0o600); err != nil {
		return "", "", false, err
	}
	return k.PII, k.PIIIndex, true, nil
}
