CREATE VIEW lead_summary AS
SELECT u.email, COUNT(l.id) AS lead_count
FROM users AS u
LEFT JOIN leads AS l ON l.user_id = u.id
GROUP BY u.email;
