/**
 * The behaviours that changed while SmartQQ was live, one option each, and the eras as presets of
 * them. The dates and evidence for every switch are in docs/simulator.md ("Eras").
 */
import type { EmptyPollForm, Era } from './types'

export interface EraBehaviour {
  /** ptqrlogin answers: 'seed' = 66 for scanned and the URL in the 5th field of a 66 (Dec 2015);
   *  'modern' = 67 for scanned and ptuiCB('0','0','<url>','0','登录成功！', '<nick>') (mid-2016 on). */
  ptuiForm: 'seed' | 'modern'
  /** ptqrlogin requires ptqrtoken = hash33(qrsig) (2017-02-09 on); without it the state stays 66. */
  ptqrtoken: boolean
  /**
   * poll2 answers 103 until get_online_buddies2 has been called: seen from 2016 (intermittently, per
   * account; the 2016 era has it on, `registerOnOnlineBuddies: false` is the lucky account) and always
   * from 2017-02.
   */
  registerOnOnlineBuddies: boolean
  /** How an empty poll ends. */
  emptyPoll: EmptyPollForm
  /** Send success: {"errCode":0,"msg":"send ok"} until about 2017-09, {"retcode":0,"result":"ok"} after. */
  sendAnswer: 'errCode' | 'retcode'
  /** get_friend_uin2 still answers (closed 2017-04; an HTML 404 from then on). */
  friendUin: boolean
}

export const ERAS: readonly Era[] = ['2015', '2016', '2017', '2017-late', '2018']

export const ERA_PRESETS: Record<Era, EraBehaviour> = {
  '2015': {
    ptuiForm: 'seed',
    ptqrtoken: false,
    registerOnOnlineBuddies: false,
    emptyPoll: '102',
    sendAnswer: 'errCode',
    friendUin: true
  },
  '2016': {
    ptuiForm: 'modern',
    ptqrtoken: false,
    registerOnOnlineBuddies: true,
    emptyPoll: '504',
    sendAnswer: 'errCode',
    friendUin: true
  },
  '2017': {
    ptuiForm: 'modern',
    ptqrtoken: true,
    registerOnOnlineBuddies: true,
    emptyPoll: '504',
    sendAnswer: 'errCode',
    friendUin: false
  },
  '2017-late': {
    ptuiForm: 'modern',
    ptqrtoken: true,
    registerOnOnlineBuddies: true,
    emptyPoll: '504',
    sendAnswer: 'retcode',
    friendUin: false
  },
  '2018': {
    ptuiForm: 'modern',
    ptqrtoken: true,
    registerOnOnlineBuddies: true,
    emptyPoll: '2018',
    sendAnswer: 'retcode',
    friendUin: false
  }
}
