#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/slab.h>

struct foo_dev {
	spinlock_t lock;
	struct mutex mlock;
	void *buf;
	int busy;
	struct list_head list;
};

static int foo_start(struct foo_dev *d)
{
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&d->lock, flags);
	if (!d->buf) {
		ret = -ENOMEM;
		goto unlock;
	}
	if (d->busy) {
		ret = -EBUSY;
		goto out;
	}
	d->busy = 1;
unlock:
	spin_unlock_irqrestore(&d->lock, flags);
out:
	return ret;
}

static int foo_ioctl(struct foo_dev *d, unsigned int cmd, unsigned long arg)
{
	int ret;

	if (mutex_lock_interruptible(&d->mlock))
		return -ERESTARTSYS;

	switch (cmd) {
	case FOO_RESET:
		d->busy = 0;
		break;
	case FOO_GET:
		if (copy_to_user((void __user *)arg, d->buf, 16))
			return -EFAULT;
		break;
	default:
		ret = -ENOTTY;
		goto out;
	}
	ret = 0;
out:
	mutex_unlock(&d->mlock);
	return ret;
}
