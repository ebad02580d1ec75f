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
