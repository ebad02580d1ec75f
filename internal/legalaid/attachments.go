package legalaid

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Attachments are sniffed from their content: PDF, JPEG or PNG only.
var allowedTypes = map[string]string{"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}

// Upload stores a file for an application: type sniffed from the bytes,
// size limited per file and per application, image dimensions read from
// the header and bounded, under a random name outside the web root; a
// refused file leaves nothing behind.
func (s *Service) Upload(ctx context.Context, v Viewer, appID int64, name string, data []byte) (Attachment, error) {
	a, err := s.load(ctx, v, appID)
	if err != nil {
		return Attachment{}, err
	}
	if !v.officer() && a.Status != Received && a.Status != MaterialsRequested && !a.AdvancePending() {
		return Attachment{}, errs.New(errs.Conflict, "当前状态不能再上传材料", "materials cannot be added now")
	}
	ctype := http.DetectContentType(data)
	if _, ok := allowedTypes[ctype]; !ok {
		return Attachment{}, errs.New(errs.Invalid, "只能上传 PDF、JPEG 或 PNG 文件", "only PDF, JPEG or PNG files").
			Field("file", "文件类型不支持（按文件内容识别）", "unsupported file type (detected from its content)")
	}
	if int64(len(data)) > s.MaxFile {
		return Attachment{}, errs.New(errs.TooLarge, fmt.Sprintf("单个文件不能超过 %d MB", s.MaxFile>>20), "the file is too large").
			Field("file", "文件过大", "too large")
	}
	if err := checkImage(ctype, data); err != nil {
		return Attachment{}, err
	}
	b := make([]byte, 16)
	rand.Read(b)
	att := Attachment{AppID: appID, Name: cleanName(name), Type: ctype, Size: int64(len(data)),
		Stored: hex.EncodeToString(b) + allowedTypes[ctype], Uploaded: v.ID, CreatedAt: s.Now().UTC()}
	if err := s.Files.Save(att.Stored, data); err != nil {
		return Attachment{}, err
	}
	if err := s.Store.AddAttachment(ctx, &att, s.MaxTotal); err != nil {
		s.Files.Remove(att.Stored)
		return Attachment{}, err
	}
	if a.Status == MaterialsRequested && !v.officer() {
		return att, s.materialsUploaded(ctx, v, appID)
	}
	return att, nil
}

// materialsUploaded marks an application "materials received, to check"
// after the applicant uploads following the notice: the pause ends on the
// first such day, and deemed withdrawal waits for the officer's look.
func (s *Service) materialsUploaded(ctx context.Context, v Viewer, id int64) error {
	_, err := s.Store.Act(ctx, id, func(a *Application) (Event, *Objection, error) {
		if a.Status != MaterialsRequested {
			return Event{}, nil, illegal("materials_uploaded", a.Status)
		}
		ev, err := Apply(a, Action{Name: "materials_uploaded"}, System, v.ID, s.Now())
		ev.ActorRole = string(Applicant)
		return ev, nil, err
	})
	return err
}

func cleanName(name string) string {
	name = strings.Map(func(r rune) rune {
		if r < 32 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, name)
	if utf8.RuneCountInString(name) > 100 {
		name = string([]rune(name)[:100])
	}
	if name == "" {
		name = "附件"
	}
	return name
}

// Download returns an attachment to whoever may see its application: the
// applicant; officers; the assigned lawyer, who needs the case materials to
// act for the aided person; the justice bureau while an objection awaits its
// decision, since it reviews the decision on those materials (Art. 49).
// Every read is audited.
func (s *Service) Download(ctx context.Context, v Viewer, attID int64) (Attachment, []byte, error) {
	att, err := s.Store.Attachment(ctx, attID)
	if err != nil {
		return Attachment{}, nil, errNoApp
	}
	if _, err := s.load(ctx, v, att.AppID); err != nil {
		return Attachment{}, nil, err
	}
	if err := s.Store.AuditRead(ctx, v.ID, "legal_aid_attachment", attID); err != nil {
		return Attachment{}, nil, err
	}
	data, err := s.Files.Read(att.Stored)
	return att, data, err
}

// Attachments lists the files of an application the viewer may see.
func (s *Service) Attachments(ctx context.Context, v Viewer, appID int64) ([]Attachment, error) {
	if _, err := s.load(ctx, v, appID); err != nil {
		return nil, err
	}
	return s.Store.Attachments(ctx, appID)
}
