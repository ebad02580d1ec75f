package store

// The engines differ here and nowhere else.

// forUpdate locks the selected rows in MySQL; SQLite's immediate
// transactions already hold the write lock.
func (s *Store) forUpdate() string {
	if s.driver == "mysql" {
		return " FOR UPDATE"
	}
	return ""
}

// upsertSession inserts or replaces a session row.
func (s *Store) upsertSession() string {
	if s.driver == "mysql" {
		return `INSERT INTO sessions (token, data, expiry) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE data = VALUES(data), expiry = VALUES(expiry)`
	}
	return `INSERT INTO sessions (token, data, expiry) VALUES (?, ?, ?) ON CONFLICT (token) DO UPDATE SET data = excluded.data, expiry = excluded.expiry`
}

// jsonLength is the length of a JSON array column.
func (s *Store) jsonLength(col string) string {
	if s.driver == "mysql" {
		return "JSON_LENGTH(" + col + ")"
	}
	return "json_array_length(" + col + ")"
}

// chinaDays is the number of calendar days, in China time (UTC+8, no
// daylight saving), from the UTC datetime column earlier to later.
func (s *Store) chinaDays(later, earlier string) string {
	if s.driver == "mysql" {
		return "DATEDIFF(DATE_ADD(" + later + ", INTERVAL 8 HOUR), DATE_ADD(" + earlier + ", INTERVAL 8 HOUR))"
	}
	return "CAST(julianday(date(" + later + ", '+8 hours')) - julianday(date(" + earlier + ", '+8 hours')) AS INTEGER)"
}
