-- Provider message ids (Twilio's SID, WeChat's MsgID, an e-mail's Message-ID) get a table of their own, written once
-- when a provider has accepted a message. As an index of push_delivery their entry was rewritten on every status
-- change of every row — H2 2.4 removes and re-adds an updated row in each of a table's indexes, and PostgreSQL adds
-- a new entry to each index when an indexed column (status) changes — although a report looks a delivery up by its
-- provider id only after it was sent. push_delivery.provider_id stays, for staff and exports, without an index.
create table push_provider_message (
    provider_id varchar(64) not null,
    delivery_id bigint      not null,
    primary key (provider_id, delivery_id)
);
insert into push_provider_message (provider_id, delivery_id)
    select provider_id, id from push_delivery where provider_id is not null;
drop index push_delivery_provider;
