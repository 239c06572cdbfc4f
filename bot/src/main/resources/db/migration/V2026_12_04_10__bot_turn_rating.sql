-- 满意/不满意 given right after an answer, stored against the answered turn; the last rating given counts.
-- rating is SATISFIED or DISSATISFIED, null when the user did not rate the answer.
alter table bot_turn add column rating varchar(12);
alter table bot_turn add column rated_at timestamp with time zone;

create index ix_bot_turn_rating on bot_turn (rating, created_at);
