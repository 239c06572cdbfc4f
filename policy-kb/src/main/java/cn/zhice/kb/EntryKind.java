package cn.zhice.kb;

/** The three kinds of knowledge-base entry: 政策文件, 办事指南 and 常见问题. */
public enum EntryKind {
    POLICY,
    SERVICE_GUIDE,
    FAQ
}
