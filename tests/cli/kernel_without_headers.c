#include <linux/mutex.h>
#include <linux/spinlock.h>

static int foo_ioctl(struct foo_dev *dev, unsigned int cmd)
{
	int ret;
	unsigned long flags;

	mutex_lock(&dev->lock);
	if (!dev->ready) {
		ret = -ENODEV;
		goto out;
	}
	spin_lock_irqsave(&dev->slock, flags);
	dev->count++;
	if (dev->count > 10)
		return -EBUSY;
	spin_unlock_irqrestore(&dev->slock, flags);
	ret = 0;
out:
	mutex_unlock(&dev->lock);
	return ret;
}
