-- Units free to reserve and units held for orders, per SKU.
CREATE TABLE stock_levels (
    sku         VARCHAR(400) NOT NULL PRIMARY KEY,
    available   BIGINT       NOT NULL,
    reserved    BIGINT       NOT NULL,
    updated_at  TIMESTAMP(9) WITH TIME ZONE NOT NULL
);
CREATE INDEX stock_levels_available ON stock_levels (available, sku);
