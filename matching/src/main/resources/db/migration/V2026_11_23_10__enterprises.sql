-- Matching: enterprise profiles (企业画像). Size class, 小微企业, 规上工业 and age are derived at evaluation time and
-- never stored. The industry code is stored with the edition of GB/T 4754 it was given in.
create table enterprise (
    uscc               varchar(18)   not null primary key,
    name               varchar(200)  not null,
    registration_type  varchar(40)   not null,
    industry_code      varchar(5),
    industry_edition   varchar(20),
    region             varchar(100),
    registered_on      date,
    employees          integer,
    revenue_wan        numeric(18, 2),
    assets_wan         numeric(18, 2),
    contact_mobile     varchar(20),
    contact_email      varchar(200),
    contact_wechat     varchar(100),
    consent_sms        boolean       not null,
    consent_email      boolean       not null,
    consent_wechat     boolean       not null,
    updated_at         timestamp with time zone not null,
    constraint ck_enterprise_employees check (employees is null or employees >= 0),
    constraint ck_enterprise_revenue check (revenue_wan is null or revenue_wan >= 0),
    constraint ck_enterprise_assets check (assets_wan is null or assets_wan >= 0)
);

create index ix_enterprise_region on enterprise (region);

create table enterprise_tag (
    uscc           varchar(18)  not null references enterprise (uscc) on delete cascade,
    position       integer      not null,
    name           varchar(100) not null,
    level          varchar(40),
    certificate_no varchar(100),
    valid_from     date,
    valid_to       date,
    primary key (uscc, position)
);

create index ix_enterprise_tag_name on enterprise_tag (name);
