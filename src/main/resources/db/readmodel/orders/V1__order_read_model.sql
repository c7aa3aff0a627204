-- The seed's order_read_model. total is the order's amount; item_count its number of lines.
CREATE TABLE order_read_model (
    id          VARCHAR(400) NOT NULL PRIMARY KEY,
    user_id     VARCHAR(200),
    status      VARCHAR(20)  NOT NULL,
    total       DECIMAL(19, 2),
    item_count  INT          NOT NULL,
    created_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    shipped_at  TIMESTAMP(9) WITH TIME ZONE
);
-- A user's orders, newest first, from the index alone.
CREATE INDEX order_read_model_user ON order_read_model (user_id, created_at DESC, id);
