-- Rate limits shared by every instance (Bucket4j's PostgreSQL backend, see
-- bryt.shared.security.RateLimits). Created here so that the application's role needs no
-- right to create tables. Keys name an existing account ("password <username>") or an
-- organisation ("voice ... <organisation id>"), never an address, a receipt or anything
-- typed into a form. expires_at (epoch milliseconds) is when the bucket would be full
-- again, after which the row says nothing and is deleted.
create table rate_limit_bucket (
	id text primary key,
	state bytea,
	expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);
