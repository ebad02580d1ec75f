package legalaid

import (
	"context"
	"crypto/rand"
	"encoding/hex"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/files"
)

// Upload stores a file for an application: type sniffed from the bytes,
// size limited per file and per application, image dimensions read from
// the header and bounded, under a random name outside the web root; a
// refused file leaves nothing behind.
func (s *Service) Upload(ctx context.Context, v Viewer, appID int64, name string, data []byte) (Attachment, error) {
	a, err := s.load(ctx, v, appID)
	if err != nil {
		return Attachment{}, err
	}
	if !v.officer() && a.Status != Received && a.Status != MaterialsRequested {
		return Attachment{}, errs.New(errs.Conflict, "当前状态不能再上传材料", "materials cannot be added now")
	}
	ctype, ext, err := files.Check(data, s.MaxFile)
	if err != nil {
		return Attachment{}, err
	}
	b := make([]byte, 16)
	rand.Read(b)
	att := Attachment{AppID: appID, Name: files.CleanName(name), Type: ctype, Size: int64(len(data)),
		Stored: hex.EncodeToString(b) + ext, Uploaded: v.ID, CreatedAt: s.Now().UTC()}
	if err := s.Files.Save(att.Stored, data); err != nil {
		return Attachment{}, err
	}
	if err := s.Store.AddAttachment(ctx, &att, s.MaxTotal); err != nil {
		s.Files.Remove(att.Stored)
		return Attachment{}, err
	}
	return att, nil
}

// Download returns an attachment to its applicant and to officers only.
func (s *Service) Download(ctx context.Context, v Viewer, attID int64) (Attachment, []byte, error) {
	att, err := s.Store.Attachment(ctx, attID)
	if err != nil {
		return Attachment{}, nil, errNoApp
	}
	a, err := s.load(ctx, v, att.AppID)
	if err != nil {
		return Attachment{}, nil, err
	}
	if role, _ := roleOf(v, a); role != Officer && role != Applicant {
		return Attachment{}, nil, errNoApp
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
