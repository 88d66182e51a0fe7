-- Seed data, applied only with TODO_APP_FLAGS=secured: reference rows and an administrator, as
-- real apps ship them in their migrations. Tollgate's default reset keeps these rows.

CREATE TABLE categories (
    id   BIGSERIAL PRIMARY KEY,
    name VARCHAR(50) NOT NULL UNIQUE
);

INSERT INTO categories (name) VALUES ('errands'), ('home'), ('work');

-- The administrator (a staff user) of the demo; its password is 'admin-demo-password'.
INSERT INTO users (name, password_hash, staff)
VALUES ('admin', 'pbkdf2$5000$AAECAwQFBgcICQoLDA0ODw==$nP4K9SZW+i19eY2t0QHQTHtFiZYeEGBfIZaMch8voFk=', TRUE);
