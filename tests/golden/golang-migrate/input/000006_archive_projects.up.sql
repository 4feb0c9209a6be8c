UPDATE projects SET archived = true
 WHERE updated_at < now() - interval '2 years';
