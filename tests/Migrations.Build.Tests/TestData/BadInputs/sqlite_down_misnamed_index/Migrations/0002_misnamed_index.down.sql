DROP INDEX ix_mail;
