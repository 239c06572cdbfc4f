-- Starting vocabulary for search; staff edit it under 知识库 → 同义词与词典 and changes apply without restart.
insert into kb_synonym (terms, updated_by, updated_at) values
  ('高企,高新技术企业,高新企业', 'system', current_timestamp),
  ('社保,社会保险', 'system', current_timestamp),
  ('医保,医疗保险,医疗保障', 'system', current_timestamp),
  ('公积金,住房公积金', 'system', current_timestamp),
  ('营业执照,企业登记,工商登记,执照', 'system', current_timestamp),
  ('个体户,个体工商户', 'system', current_timestamp),
  ('专精特新,专精特新中小企业', 'system', current_timestamp),
  ('小巨人,专精特新小巨人', 'system', current_timestamp),
  ('加计扣除,研发费用加计扣除', 'system', current_timestamp),
  ('信息公开,政府信息公开,政务公开', 'system', current_timestamp),
  ('贴息,利息补贴', 'system', current_timestamp),
  ('驾照,驾驶证,机动车驾驶证', 'system', current_timestamp),
  ('教资,教师资格', 'system', current_timestamp),
  ('补贴,补助,资助,奖补', 'system', current_timestamp),
  ('落户,户口迁入,入户', 'system', current_timestamp);

insert into kb_term (term, updated_by, updated_at) values
  ('营业执照', 'system', current_timestamp),
  ('高新技术企业', 'system', current_timestamp),
  ('依申请公开', 'system', current_timestamp),
  ('政务公开', 'system', current_timestamp),
  ('专精特新', 'system', current_timestamp),
  ('科技型中小企业', 'system', current_timestamp),
  ('小型微利企业', 'system', current_timestamp),
  ('创业担保贷款', 'system', current_timestamp),
  ('个体工商户', 'system', current_timestamp),
  ('住房公积金', 'system', current_timestamp);
