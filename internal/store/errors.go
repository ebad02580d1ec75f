package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"net"
	"syscall"

	"github.com/go-sql-driver/mysql"
	"modernc.org/sqlite"

	"github.com/legaldesk/legaldesk/internal/errs"
)

// Driver error numbers, matched by number, never by message text.
const (
	mysqlDupEntry      = 1062
	mysqlFKNoParent    = 1452
	mysqlFKHasChildren = 1451
	mysqlLockTimeout   = 1205
	mysqlDeadlock      = 1213

	sqliteBusy             = 5
	sqliteLocked           = 6
	sqliteConstraintFK     = 787
	sqliteConstraintPK     = 1555
	sqliteConstraintUnique = 2067
	sqliteBusySnapshot     = 517
)

var (
	errConflict    = errs.New(errs.Conflict, "数据已存在或已被修改，请刷新后重试", "the record already exists or was changed")
	errReference   = errs.New(errs.Invalid, "引用的记录不存在或仍在使用", "a referenced record does not exist or is still in use")
	errUnavailable = errs.New(errs.Unavailable, "数据库暂时不可用，请稍后再试", "the database is temporarily unavailable")
)

// translate turns driver errors into coded errors; coded errors pass through.
func translate(err error) error {
	if err == nil {
		return nil
	}
	var coded *errs.Error
	if errors.As(err, &coded) {
		return err
	}
	if errors.Is(err, sql.ErrNoRows) {
		return errs.ErrNotFound
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return errs.Wrap(err, errs.Unavailable, "请求超时，请稍后再试", "the request timed out")
	}
	if e := byNumber(err); e != nil {
		return wrapAs(e, err)
	}
	if unreachable(err) {
		return wrapAs(errUnavailable, err)
	}
	return err
}

func byNumber(err error) *errs.Error {
	var me *mysql.MySQLError
	if errors.As(err, &me) {
		switch me.Number {
		case mysqlDupEntry:
			return errConflict
		case mysqlFKNoParent, mysqlFKHasChildren:
			return errReference
		case mysqlLockTimeout, mysqlDeadlock:
			return errUnavailable
		}
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case sqliteConstraintUnique, sqliteConstraintPK:
			return errConflict
		case sqliteConstraintFK:
			return errReference
		case sqliteBusy, sqliteLocked, sqliteBusySnapshot:
			return errUnavailable
		}
	}
	return nil
}

func unreachable(err error) bool {
	var ne net.Error
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, mysql.ErrInvalidConn) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.As(err, &ne) || errors.Is(err, sql.ErrConnDone)
}

func wrapAs(e *errs.Error, cause error) error {
	c := *e
	c.Cause = cause
	return &c
}

func isNotFound(err error) bool { return errs.Is(err, errs.NotFound) }

func isConflict(err error) bool { return errs.Is(err, errs.Conflict) }
