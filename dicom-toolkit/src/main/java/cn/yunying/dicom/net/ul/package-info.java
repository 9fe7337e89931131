/**
 * The PS3.8 upper-layer state machine, kept explicit: the thirteen states, nineteen events and the
 * actions of PS3.8 table 9-10, and {@link cn.yunying.dicom.net.ul.StateMachine} which looks transitions up
 * in that table. The association code performs the side effects an action names; keeping the table
 * as data makes "what happens if X arrives in state Y" answerable by reading one file and testable
 * without sockets.
 */
package cn.yunying.dicom.net.ul;
