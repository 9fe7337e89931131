/** What the registration context announces: the code to deliver, and every change of a request's state. */
package cn.yunying.registration.application.events;
