// The lessons beyond one push, done as a trainee does them, in Chinese, against `timpush serve`'s
// sandbox: the revoke lesson (send the mistaken push, follow it from its answer, revoke it in the
// Follow place, the lesson bar beside it saying met or missed), and the follow-loss lesson (send,
// follow, read the loss once it settles, answer the bar's question: a wrong pick is missed, the
// right one passes); the test send and the scheduled push done from Send as; the question at a pixel ratio of 2 and the bar above Follow on a phone.
// Screenshots into test-artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startServer } from './helpers.mjs';

let server;
let s;

before(async () => {
  server = await startServer();
  s = await openPage({ server });
});
after(async () => {
  if (s) await s.close();
  if (server) await server.stop();
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const calls = (api) => s.requests.filter((r) => r.url.includes(`/v4/timpush/${api}?`));
const taskIdPattern = /TaskId\s+([0-9a-f]+(?:_[0-9a-f]+){4})/;

async function waitForHash(hash) {
  await s.page.waitForFunction((h) => location.hash === h, hash, { timeout: 5000, polling: 25 });
}

// Learn from the navigation, then the lesson `id` opened in the list and started.
async function startLesson(id, barTitle) {
  await s.click('学习###Learn');
  await waitForHash('#view=learn');
  await s.waitForText('已通过');
  // Down the list with the wheel, as a person does, until the lesson's header is in view.
  const header = (it) => !it.isWindow && it.visible && it.idLabel.endsWith(`###${id}`);
  for (let i = 0; i < 20 && !(await s.items()).some(header); i++) {
    await s.page.mouse.move(960, 500);
    await s.page.mouse.wheel(0, 240);
    await s.nextFrame();
  }
  await s.clickWhere(header, `the ${id} lesson`);
  await s.click('开始###Start');
  await s.waitForText(`课程：${barTitle}`);
}

// Send, a second after the last push (90024 otherwise), and the TaskId the answer shows.
async function sendForTaskId() {
  await sleep(1100);
  const before = calls('push').length;
  await s.click('发送###Send');
  const text = await s.waitForText(taskIdPattern);
  assert.equal(calls('push').length, before + 1, 'Send sent one push');
  return text.match(taskIdPattern)[1];
}

test('revoke: the mistaken push sent, followed from its answer and revoked, passes', async () => {
  await s.waitForText('press Send');
  await s.click('中文');
  await startLesson('revoke', '撤回误发的推送');
  const taskId = await sendForTaskId();
  // The push alone: no revoke yet, and nothing this lesson made to revoke before it.
  await s.waitForText('还有 2 项要求未满足。');
  await s.waitForText('未满足：已发送撤回(v4/timpush/revoke)');
  await s.screenshot('learn-loop-1-sent');

  await s.click('跟踪###Follow##response');
  await waitForHash('#view=follow');
  await s.waitForText(taskId);
  // The bar stays in view beside the Follow place, where the revoke is made.
  await s.waitForText('课程：撤回误发的推送');
  assert.equal(calls('revoke').length, 0, 'nothing revoked before the confirmation');
  // The numbers arriving may move the button between finding and clicking it: click again.
  for (let i = 0; i < 4 && !(await s.pageText()).includes('此操作不可撤销'); i++) {
    await s.click('撤回...###Revoke...');
    await s.nextFrame();
  }
  await s.waitForText('此操作不可撤销');
  await s.screenshot('learn-loop-2-confirm');
  await s.click('确认撤回###Revoke now');
  await s.waitForText(`已撤回 ${taskId}。`);
  await s.waitForText('通过：所有要求均已满足。');
  const sent = calls('revoke');
  assert.equal(sent.length, 1);
  assert.equal(JSON.parse(sent[0].postData).TaskId, taskId, 'the lesson push is the one revoked');
  const text = await s.pageText();
  assert.ok(text.includes('已满足：其 TaskId 是服务为本课中你的推送返回的那个'));
  await s.screenshot('learn-loop-3-passed');

  const progress = JSON.parse(await s.page.evaluate(() => localStorage.getItem('timpush.lessons')));
  assert.deepEqual(progress.lessons.revoke, { tried: true, passed: true });
});

test('follow-loss: the loss read once settled, the question answered wrong then right', async () => {
  await startLesson('follow-loss', '跟踪推送：设备为什么没收到？');
  const taskId = await sendForTaskId();
  await s.click('跟踪###Follow##response');
  await waitForHash('#view=follow');
  await s.waitForText(taskId);
  // A minute of the sandbox's delivery at once: every device's fate is decided by then.
  assert.equal(await s.advanceSandbox(61), 200);
  await s.click('刷新###Refresh');
  await s.waitForText(/\d+ 台设备，错误码 -3/, { timeout: 15000 });
  // The page's loss answer, as the trainee reads it: the code with the most devices.
  const losses = calls('all_member_push_loss');
  assert.ok(losses.length >= 1);
  assert.ok(JSON.parse(losses.at(-1).postData).TaskID.includes(taskId), 'the loss of the lesson push is asked');
  await s.waitForText('已满足：发送后的丢失已经出现');

  await s.clickWhere((it) => it.idLabel.endsWith('###Code -2: the device never uploaded its push token'), 'a wrong choice');
  await s.waitForText('未满足：指出了丢失设备最多的原因');
  await s.screenshot('learn-loop-4-wrong-choice');
  await s.clickWhere((it) => it.idLabel.endsWith("###Code -3: the vendor's daily cap on marketing messages was reached"), 'the right choice');
  await s.waitForText('通过：所有要求均已满足。');
  await s.screenshot('learn-loop-5-loss-passed');
});

test('test-send and scheduled-push: Send as Test send to two accounts, then as Schedule, each passes', async () => {
  await startLesson('test-send', '先测试推送给两个账号');
  await s.click('测试推送###Test send##mode');
  await s.fill('##Accounts', 'user1, user2');
  await sleep(1100);
  await s.clickWhere((it) => it.idLabel === '测试推送###Send', 'Send as a test send');
  await s.waitForText('已满足：其 TaskId 以 batch_ 开头（测试推送的任务）');
  await s.waitForText('通过：所有要求均已满足。');
  assert.deepEqual(JSON.parse(calls('batch').at(-1).postData).To_Account, ['user1', 'user2']);

  await startLesson('scheduled-push', '定时推送：稍后再发');
  await s.click('定时推送###Schedule##mode');
  await s.click('+10 分钟###plus 10 min');
  await s.waitForText('SchedAt(UTC)：');
  await s.clickWhere((it) => it.idLabel === '定时推送###Send', 'Send as a schedule');
  await s.waitForText('已满足：应答中带有任务的 TaskID');
  await s.waitForText('通过：所有要求均已满足。');
  const task = JSON.parse(calls('add_sched_task').at(-1).postData);
  assert.equal(task.Type, 'Tag');
  assert.deepEqual(task.Content.Condition, { TagsOr: ['基金'] });
  await s.screenshot('learn-loop-7-scheduled');
});

test('the question in the bar at pixel ratio 2, and the bar above Follow on a phone', async () => {
  for (const [name, opts] of [['ratio2', { deviceScaleFactor: 2 }],
    ['phone', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }]]) {
    const other = await openPage({ server, path: '/#lesson=follow-loss', ...opts });
    try {
      await other.click('中文');
      await other.waitForText('开始');
      await other.click('开始###Start');
      if (name === 'phone') {
        // One column: the Follow place holds the bar itself, the form being out of sight.
        await other.tapPlace('跟踪推送');
        await other.waitForText('导航：跟踪推送');
        await other.waitForText('还没有任务');
      } else {
        await other.waitForText('问题：哪个原因丢失的设备最多？');
        await other.waitForText('错误码 -3：已达到厂商对营销类消息的每日上限');
      }
      await other.waitForText('课程：跟踪推送：设备为什么没收到？');
      await other.screenshot(`learn-loop-6-${name}`);
      assert.deepEqual(other.errors(), []);
    } finally {
      await other.close();
    }
  }
});

test('no page error', async () => {
  assert.deepEqual(s.errors(), []);
});
