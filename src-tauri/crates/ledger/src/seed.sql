-- Defaults of domain.md §2–§3, inserted once into a new ledger. Everything here is
-- editable afterwards; a default the office deactivated is never re-inserted.
INSERT OR IGNORE INTO settings (key, value) VALUES
    ('company_name', ''), ('office_name', ''), ('office_code', ''), ('hotline', ''),
    ('prefix_complaint', 'TS'), ('prefix_request', 'XQ'), ('prefix_slip', 'ZJ'),
    ('timezone', 'Asia/Shanghai'), ('language', 'zh-CN');

INSERT OR IGNORE INTO channels (code, name) VALUES
    ('phone', '电话'), ('visit', '来访'), ('wechat', '微信/小程序'), ('app', 'App'),
    ('web', '网络'), ('letter', '信函'), ('internal', '内部转达'), ('patrol', '巡查发现');

INSERT OR IGNORE INTO departments (code, name, external) VALUES
    ('desk', '客服中心', 0), ('engineering', '工程部', 0), ('order', '秩序部', 0),
    ('environment', '环境部', 0), ('office', '管理处', 0), ('management', '管理部', 0),
    ('quality', '品质部', 0), ('developer', '开发商客服中心', 1), ('municipal', '市政配套', 1);

INSERT OR IGNORE INTO categories (code, kind, parent_id, name, description) VALUES
    ('A', 'complaint', NULL, '房屋管理', '房屋本体及共用部位的维修养护'),
    ('B', 'complaint', NULL, '设备管理', '共用设施设备的维修、养护和运行'),
    ('C', 'complaint', NULL, '秩序管理', '秩序、安全措施、治安事件'),
    ('D', 'complaint', NULL, '环境管理', '清洁、绿化、园区观感'),
    ('E', 'complaint', NULL, '综合服务', '其他服务'),
    ('Q1', 'request', NULL, '咨询服务', ''),
    ('Q2', 'request', NULL, '基础服务', '物业服务合同内的基础服务'),
    ('Q3', 'request', NULL, '特约服务', '合同外的有偿特约服务'),
    ('Q4', 'request', NULL, '租务管理', '');

INSERT OR IGNORE INTO categories (code, kind, parent_id, name)
SELECT v.code, 'complaint', p.id, v.name FROM (
    SELECT 'A01' AS code, 'A' AS parent, '公共部位' AS name UNION ALL
    SELECT 'A02', 'A', '园区建设' UNION ALL
    SELECT 'A03', 'A', '规划设计' UNION ALL
    SELECT 'B01', 'B', '灯具' UNION ALL
    SELECT 'B02', 'B', '用户配电箱' UNION ALL
    SELECT 'B03', 'B', '给水管' UNION ALL
    SELECT 'B04', 'B', '排污排水管' UNION ALL
    SELECT 'B05', 'B', '卫生洁具' UNION ALL
    SELECT 'B06', 'B', '龙头阀门等五金件' UNION ALL
    SELECT 'B07', 'B', '空调设施' UNION ALL
    SELECT 'B08', 'B', '采暖设施' UNION ALL
    SELECT 'B09', 'B', '通风及室内环境' UNION ALL
    SELECT 'B10', 'B', '燃气设施' UNION ALL
    SELECT 'B11', 'B', '市政配套设施' UNION ALL
    SELECT 'C01', 'C', '其他' UNION ALL
    SELECT 'D01', 'D', '绿化' UNION ALL
    SELECT 'D02', 'D', '其他' UNION ALL
    SELECT 'E01', 'E', '服务态度' UNION ALL
    SELECT 'E02', 'E', '其他'
) v JOIN categories p ON p.code = v.parent;
