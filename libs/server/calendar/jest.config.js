const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-calendar', __dirname);
