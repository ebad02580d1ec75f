// Package files keeps uploaded files in a directory outside the web root,
// under names the application chose (random), never the uploader's.
package files

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Dir stores files in one directory.
type Dir struct{ Path string }

// Open makes the directory (mode 0700) if needed.
func Open(path string) (Dir, error) {
	if err := os.MkdirAll(path, 0o700); err != nil {
		return Dir{}, fmt.Errorf("files: %w", err)
	}
	return Dir{Path: path}, nil
}

func (d Dir) path(name string) (string, error) {
	if name == "" || strings.ContainsAny(name, `/\`) || strings.HasPrefix(name, ".") {
		return "", errors.New("files: bad name")
	}
	return filepath.Join(d.Path, name), nil
}

// Save writes a new file; an existing name is an error.
func (d Dir) Save(name string, data []byte) error {
	p, err := d.path(name)
	if err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(p)
		return err
	}
	return f.Close()
}

// Read returns a file's bytes.
func (d Dir) Read(name string) ([]byte, error) {
	p, err := d.path(name)
	if err != nil {
		return nil, err
	}
	return os.ReadFile(p)
}

// Remove deletes a file.
func (d Dir) Remove(name string) error {
	p, err := d.path(name)
	if err != nil {
		return err
	}
	return os.Remove(p)
}
