package cn.zhice.bot.understanding;

/** Turns a resident's raw message into an intent and entities. Thread-safe. */
public interface Understanding {

    Understood understand(String text);
}
