package cn.zhice.bot.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FollowUpsTest {

    @Test
    void questionsWithoutASubjectOfTheirOwnReferBack() {
        assertThat(FollowUps.refersBack("要带什么材料")).isTrue();
        assertThat(FollowUps.refersBack("在哪里办")).isTrue();
        assertThat(FollowUps.refersBack("我们公司能申请吗")).isTrue();
        assertThat(FollowUps.refersBack("电话多少")).isTrue();
        assertThat(FollowUps.refersBack("这个政策在哪查")).isTrue();
        assertThat(FollowUps.refersBack("什么时候截止")).isTrue();
    }

    @Test
    void questionsNamingSomethingNewDoNot() {
        assertThat(FollowUps.refersBack("火星移民补贴")).isFalse();
        assertThat(FollowUps.refersBack("社保怎么交")).isFalse();
        assertThat(FollowUps.refersBack("公积金提取要什么材料")).isFalse();
        assertThat(FollowUps.refersBack("人才购房补贴在哪申请")).isFalse();
    }
}
