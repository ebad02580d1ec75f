package notary

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/legaldesk/legaldesk/internal/errs"
	"github.com/legaldesk/legaldesk/internal/files"
)

// ErrNotOnChecklist: a file must be for an item of the visit's checklist.
var ErrNotOnChecklist = errs.New(errs.Invalid, "请选择清单中的材料项", "choose an item of the checklist").Field("item", "不是本次清单中的材料", "not on this checklist")

var errClosed = errs.New(errs.Conflict, "该预约已办结或已取消，不能再上传或审核材料", "this visit is closed; materials can no longer change")

func open(v Visit) bool { return v.Status == Requested || v.Status == Booked || v.Status == Checked }

// Upload stores a file for one checklist item of a visit, under the
// legal-aid upload rules (internal/files): sniffed type, size limits per
// file and per visit, picture headers bounded, a random name outside the
// web root. Only the visit's resident and the clerks may upload. When the
// file supplies the last item the clerk listed as missing, the visit is
// ready and its materials count as checked.
func (s *Service) Upload(ctx context.Context, v Viewer, visitID int64, item, name string, data []byte) (Upload, error) {
	vis, err := s.Get(ctx, v, visitID)
	if err != nil {
		return Upload{}, err
	}
	if !open(vis) {
		return Upload{}, errClosed
	}
	item = strings.TrimSpace(item)
	if !slices.ContainsFunc(vis.Checklist, func(it Item) bool { return it.Name == item }) {
		return Upload{}, ErrNotOnChecklist
	}
	ctype, ext, err := files.Check(data, s.MaxFile)
	if err != nil {
		return Upload{}, err
	}
	b := make([]byte, 16)
	rand.Read(b)
	u := Upload{VisitID: visitID, Item: item, Name: files.CleanName(name), Type: ctype, Size: int64(len(data)),
		Stored: hex.EncodeToString(b) + ext, UploadedBy: v.ID, CreatedAt: s.Now().UTC()}
	if err := s.Files.Save(u.Stored, data); err != nil {
		return Upload{}, err
	}
	if err := s.Store.AddNotaryUpload(ctx, &u, s.MaxTotal); err != nil {
		s.Files.Remove(u.Stored)
		return Upload{}, err
	}
	if vis.MaterialsState == MaterialsMissing {
		if after, err := s.fill(ctx, vis); err == nil && after.Ready {
			status := vis.Status
			if status == Booked {
				status = Checked
			}
			err = s.Store.SetNotaryMaterials(ctx, visitID, MaterialsComplete, vis.Missing, status, s.Now())
			if err != nil {
				return Upload{}, err
			}
		}
	}
	return u, nil
}

// Uploads lists a visit's files for its resident and the clerks.
func (s *Service) Uploads(ctx context.Context, v Viewer, visitID int64) ([]Upload, error) {
	if _, err := s.load(ctx, v, visitID); err != nil {
		return nil, err
	}
	return s.Store.NotaryUploads(ctx, visitID)
}

// Download returns a file to the visit's resident and the clerks only.
func (s *Service) Download(ctx context.Context, v Viewer, uploadID int64) (Upload, []byte, error) {
	u, err := s.Store.NotaryUpload(ctx, uploadID)
	if err != nil {
		return Upload{}, nil, errNoVisit
	}
	if _, err := s.load(ctx, v, u.VisitID); err != nil {
		return Upload{}, nil, err
	}
	data, err := s.Files.Read(u.Stored)
	return u, data, err
}

// Review is the clerk's pre-check: complete, or one list of what is missing.
type Review struct {
	Complete bool     `json:"complete"`
	Missing  []string `json:"missing"`
	Note     string   `json:"note"`
}

// CheckMaterials records the clerk's pre-check. Missing items are sent to
// the resident in one notice through the outbox (最多跑一次: one list, not
// one item at a time); a 容缺 item may be listed but never blocks "ready".
func (s *Service) CheckMaterials(ctx context.Context, v Viewer, visitID int64, r Review) (Visit, error) {
	if !v.clerk() {
		return Visit{}, errNoVisit
	}
	vis, err := s.Get(ctx, v, visitID)
	if err != nil {
		return Visit{}, err
	}
	if !open(vis) {
		return Visit{}, errClosed
	}
	f := errs.Fields{}
	if r.Complete == (len(r.Missing) > 0) {
		f.Add("missing", "请选择“材料齐全”或列出缺少的材料（二选一）", "either complete or a list of what is missing")
	}
	for _, m := range r.Missing {
		if !slices.ContainsFunc(vis.Checklist, func(it Item) bool { return it.Name == m }) {
			f.Add("missing", "缺少的材料须是清单中的项目", "missing items must be on the checklist")
		}
	}
	if len([]rune(r.Note)) > 300 {
		f.Add("note", "说明不超过300字", "note is at most 300 characters")
	}
	if err := f.Err(); err != nil {
		return Visit{}, err
	}
	state, status := MaterialsComplete, Checked
	if !r.Complete {
		state, status = MaterialsMissing, vis.Status
		if status == Checked {
			status = Booked
		}
	} else if vis.Status == Requested {
		status = Requested // a home visit is checked before it is scheduled
	}
	if err := s.Store.SetNotaryMaterials(ctx, visitID, state, r.Missing, status, s.Now()); err != nil {
		return Visit{}, err
	}
	body := fmt.Sprintf("【公证处】您预约码 %s 的公证材料已预审齐全，请按预约时间携带原件前来，只需跑一次。", vis.Code)
	if !r.Complete {
		body = fmt.Sprintf("【公证处】您预约码 %s 的公证还缺少以下材料：%s。%s请在“我的公证”中补传，补齐后只需跑一次。",
			vis.Code, strings.Join(r.Missing, "、"), r.Note)
	}
	s.notify(ctx, vis.ResidentID, "notary_materials", body)
	return s.Get(ctx, v, visitID)
}
