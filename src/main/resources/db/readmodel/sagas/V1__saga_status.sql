-- Each saga as its log (saga-<orderId>) leaves it: the fields of SagaState but its items.
-- Portable SQL (H2 and PostgreSQL): steps are lower-case names separated by one space, in the
-- order they happened; times keep microseconds, as PostgreSQL does.
CREATE TABLE saga_status (
    order_id              VARCHAR(400)  NOT NULL PRIMARY KEY,
    mode                  VARCHAR(40),
    status                VARCHAR(40)   NOT NULL,
    customer              VARCHAR(400),
    total                 DECIMAL(19, 2),
    item_count            INT           NOT NULL,
    completed_steps       VARCHAR(1000) NOT NULL,
    compensated_steps     VARCHAR(1000) NOT NULL,
    failed_step           VARCHAR(20),
    reason                VARCHAR(4000),
    compensation_attempts INT           NOT NULL,
    payment_id            VARCHAR(400),
    charged               DECIMAL(19, 2),
    tracking_number       VARCHAR(400),
    started_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);
-- Sagas by status in the order they started: what `query sagas --status S` reads.
CREATE INDEX saga_status_by_status ON saga_status (status, started_at, order_id);
