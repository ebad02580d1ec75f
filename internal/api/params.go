package api

import (
	"fmt"
	"strconv"

	"github.com/gin-gonic/gin"

	"github.com/legaldesk/legaldesk/internal/calendar"
	"github.com/legaldesk/legaldesk/internal/errs"
)

// pathID reads a positive integer path parameter.
func pathID(c *gin.Context, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Param(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, errs.ErrNotFound
	}
	return id, nil
}

// queryID reads an optional positive integer query value (0 when absent).
func queryID(c *gin.Context, name string, f errs.Fields) int64 {
	v := c.Query(name)
	if v == "" {
		return 0
	}
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id <= 0 {
		f.Add(name, "应为正整数", "must be a positive integer")
	}
	return id
}

// page reads limit and cursor; the cursor is the last id of the previous page.
func page(c *gin.Context, def, max int, f errs.Fields) (limit int, cursor int64) {
	limit = def
	if v := c.Query("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > max {
			f.Add("limit", "每页数量应在 1 到 "+strconv.Itoa(max)+" 之间", "limit must be between 1 and "+strconv.Itoa(max))
		}
		limit = n
	}
	return limit, queryID(c, "cursor", f)
}

// nextCursor is the last id when the page was full, else "".
func nextCursor(n, limit int, lastID int64) string {
	if n < limit || n == 0 {
		return ""
	}
	return strconv.FormatInt(lastID, 10)
}

// queryDate reads an optional YYYY-MM-DD query value.
func queryDate(c *gin.Context, name string, f errs.Fields) calendar.Date {
	v := c.Query(name)
	if v == "" {
		return calendar.Date{}
	}
	return bodyDate(name, v, f)
}

// dateRange reads from and to (both required), at most maxDays apart. A
// date it refuses comes back zero with its message already added.
func dateRange(c *gin.Context, maxDays int, f errs.Fields) (from, to calendar.Date) {
	from, to = queryDate(c, "from", f), queryDate(c, "to", f)
	if c.Query("from") == "" {
		f.Add("from", "请填写开始日期", "from is required")
	}
	if c.Query("to") == "" {
		f.Add("to", "请填写结束日期", "to is required")
	}
	if !from.IsZero() && !to.IsZero() && (to.Before(from) || from.DaysUntil(to) >= maxDays) {
		f.Add("to", fmt.Sprintf("结束日期须不早于开始日期，且相差不超过 %d 天", maxDays), fmt.Sprintf("to must be after from and within %d days", maxDays))
	}
	return from, to
}

// bodyDate checks a date given in a JSON body or a query. Out of the
// service's years it is refused and comes back zero.
func bodyDate(name, v string, f errs.Fields) calendar.Date {
	d, err := calendar.ParseDate(v)
	if err != nil {
		f.Add(name, "日期格式应为 YYYY-MM-DD", "dates are YYYY-MM-DD")
		return calendar.Date{}
	}
	if !calendar.CheckYear(name, d, f) {
		return calendar.Date{}
	}
	return d
}

// idAndBody reads the path id and the JSON body; false when either was bad
// (and the error is already answered).
func (s *Server) idAndBody(c *gin.Context, v any) (int64, bool) {
	id, err := pathID(c, "id")
	if err == nil {
		err = bindJSON(c, v)
	}
	if err != nil {
		s.fail(c, err)
		return 0, false
	}
	return id, true
}
